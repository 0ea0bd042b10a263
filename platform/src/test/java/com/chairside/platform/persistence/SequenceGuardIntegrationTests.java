package com.chairside.platform.persistence;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;

import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.query.Update;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sequence guard over the wire, both ways it can go: the path for the embedded store (read, compare, write on
 * exactly {@code {_id, sequence}}) and the one for MongoDB (one write filtered on {@code sequence < n}). Each test runs
 * once with each, whichever store the tests have; what each path costs on the wire is pinned down at the end.
 */
class SequenceGuardIntegrationTests {

	private final Stores stores = new Stores();

	private final String id = "card-" + UUID.randomUUID();

	@AfterEach
	void close() {
		this.stores.close();
	}

	@ParameterizedTest
	@EnumSource(StoreKind.class)
	void aNewerEventIsAppliedAndAnOlderOrRepeatedOneChangesNothing(StoreKind kind) {
		ConditionalWrites writes = this.stores.writes(kind);
		assertThat(writes.ifNewer(Card.class, this.id, 2).orUpsert().apply(named("Praxis Nord", 2))).isTrue();

		assertThat(writes.ifNewer(Card.class, this.id, 1).orUpsert().apply(named("older", 1))).isFalse();
		assertThat(writes.ifNewer(Card.class, this.id, 2).orUpsert().apply(named("repeated", 2))).isFalse();
		assertThat(card().name()).isEqualTo("Praxis Nord");

		assertThat(writes.ifNewer(Card.class, this.id, 5).apply(named("Praxis Nordstadt", 5))).isTrue();
		assertThat(card()).isEqualTo(new Card(this.id, "Praxis Nordstadt", 5));
	}

	@ParameterizedTest
	@EnumSource(StoreKind.class)
	void aChangeOfADocumentNotThereIsNotApplied(StoreKind kind) {
		assertThat(this.stores.writes(kind).ifNewer(Card.class, this.id, 3).apply(named("renamed", 3))).isFalse();
		assertThat(this.stores.mongo.findById(this.id, Card.class)).isNull();
	}

	@ParameterizedTest
	@EnumSource(StoreKind.class)
	void aDocumentNotThereIsInsertedAsGivenAndTheSameSequenceRefreshesItWhenAsked(StoreKind kind) {
		ConditionalWrites writes = this.stores.writes(kind);
		Card fetched = new Card(this.id, "Praxis am Markt", 0);
		assertThat(writes.ifNewer(Card.class, this.id, 0).orInsert(fetched).orSameSequence().apply(named("unused", 0)))
			.isTrue();
		assertThat(card()).isEqualTo(fetched);

		assertThat(writes.ifNewer(Card.class, this.id, 0).apply(named("not newer", 0))).isFalse();
		assertThat(writes.ifNewer(Card.class, this.id, 0).orSameSequence().apply(named("Praxis am Markt 2", 0)))
			.isTrue();
		assertThat(card().name()).isEqualTo("Praxis am Markt 2");
	}

	@ParameterizedTest
	@EnumSource(StoreKind.class)
	void theDocumentAsItWasBeforeComesBackWhenAsked(StoreKind kind) {
		ConditionalWrites writes = this.stores.writes(kind);
		SequencedWrite.Outcome<Card> created = writes.ifNewer(Card.class, this.id, 1)
			.orInsert(new Card(this.id, "first", 1))
			.applyAndGetBefore(named("first", 1));
		assertThat(created).isEqualTo(new SequencedWrite.Outcome<Card>(true, null));

		SequencedWrite.Outcome<Card> changed = writes.ifNewer(Card.class, this.id, 2).applyAndGetBefore(named("second", 2));
		assertThat(changed).isEqualTo(new SequencedWrite.Outcome<>(true, new Card(this.id, "first", 1)));

		assertThat(writes.ifNewer(Card.class, this.id, 2).applyAndGetBefore(named("again", 2)))
			.isEqualTo(new SequencedWrite.Outcome<Card>(false, null));
	}

	@ParameterizedTest
	@EnumSource(StoreKind.class)
	void aDocumentWithoutASequenceTakesNoEvent(StoreKind kind) {
		this.stores.mongo.insert(new Document("_id", this.id).append("name", "written by hand"), "cards");
		assertThat(this.stores.writes(kind).ifNewer(Card.class, this.id, 9).orUpsert().apply(named("event", 9)))
			.isFalse();
		assertThat(this.stores.mongo.findById(this.id, Document.class, "cards").getString("name"))
			.isEqualTo("written by hand");
	}

	@ParameterizedTest
	@EnumSource(StoreKind.class)
	void ofWritersRacingOnOneDocumentTheNewestEventWinsWhateverTheOrder(StoreKind kind) throws Exception {
		ConditionalWrites writes = this.stores.writes(kind);
		List<Long> sequences = new ArrayList<>(LongStream.rangeClosed(1, 40).boxed().toList());
		Collections.shuffle(sequences);
		List<Callable<Boolean>> writers = sequences.stream()
			.map((sequence) -> (Callable<Boolean>) () -> writes.ifNewer(Card.class, this.id, sequence)
				.orUpsert()
				.apply(named("at " + sequence, sequence)))
			.toList();
		ExecutorService pool = Executors.newFixedThreadPool(8);
		try {
			int applied = 0;
			for (Future<Boolean> result : pool.invokeAll(writers)) {
				applied += result.get() ? 1 : 0;
			}
			assertThat(applied).isBetween(1, 40);
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(card()).isEqualTo(new Card(this.id, "at 40", 40));
	}

	@ParameterizedTest
	@EnumSource(value = StoreKind.class, names = "MONGODB")
	void onMongoDbAnEventCostsOneWriteAndNoIndex(StoreKind kind) {
		ConditionalWrites writes = this.stores.writes(kind);
		this.stores.commandsSent();
		writes.ifNewer(Card.class, this.id, 1).orUpsert().apply(named("first", 1));
		writes.ifNewer(Card.class, this.id, 2).apply(named("second", 2));
		assertThat(this.stores.commandsSent()).containsExactly("update", "update");
		assertThat(this.stores.mongo.indexOps("cards").getIndexInfo()).extracting("name").containsExactly("_id_");
	}

	@ParameterizedTest
	@EnumSource(value = StoreKind.class, names = "EMBEDDED")
	void onTheEmbeddedStoreAnEventIsReadByIdAndWrittenOnAUniqueIndexOfIdAndSequence(StoreKind kind) {
		ConditionalWrites writes = this.stores.writes(kind);
		writes.ifNewer(Card.class, this.id, 1).orUpsert().apply(named("first", 1));
		assertThat(this.stores.mongo.indexOps("cards").getIndexInfo())
			.anySatisfy((index) -> assertThat(index.isUnique() && index.isIndexForFields(List.of("_id", "sequence")))
				.isTrue());
		this.stores.commandsSent();
		writes.ifNewer(Card.class, this.id, 2).apply(named("second", 2));
		assertThat(this.stores.commandsSent()).containsExactly("find", "update");
	}

	private static Update named(String name, long sequence) {
		return new Update().set("name", name).set(ConditionalWrites.SEQUENCE, sequence);
	}

	private Card card() {
		return this.stores.mongo.findById(this.id, Card.class);
	}

	@org.springframework.data.mongodb.core.mapping.Document("cards")
	record Card(@Id String id, String name, long sequence) {
	}

}
