package com.chairside.platform.persistence;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.context.support.GenericApplicationContext;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.index.IndexInfo;
import org.springframework.data.mongodb.core.mapping.MongoMappingContext;
import org.springframework.data.mongodb.core.query.Update;

import com.chairside.devstack.MongoStore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Which store runs, compare-and-set on a field, versioned saves and claims by unique key, over the wire.
 */
class ConditionalWritesIntegrationTests {

	private final Stores stores = new Stores();

	@AfterEach
	void close() {
		this.stores.close();
	}

	@Test
	void theEmbeddedStoreIsRecognisedByWhatItsBuildInfoLacks() {
		try (MongoStore embedded = MongoStore.inMemory(); Stores store = new Stores(embedded.connectionString() + "/kind")) {
			assertThat(new StoreProfile(store.mongo, null).kind()).isEqualTo(StoreKind.EMBEDDED);
		}
	}

	@Test
	void aKindThatIsSetIsTakenWithoutAskingTheStore() {
		StoreProfile profile = new StoreProfile(this.stores.mongo, StoreKind.MONGODB);
		this.stores.commandsSent();
		assertThat(profile.embedded()).isFalse();
		assertThat(this.stores.commandsSent()).isEmpty();
	}

	@Test
	void aFieldIsSetOnlyWhileItStillHoldsWhatWasRead() {
		ConditionalWrites writes = this.stores.writes(StoreKind.EMBEDDED);
		this.stores.mongo.insert(new Document("_id", "key-1").append("holder", "lead-a"), "claims");

		assertThat(writes.updateIf("claims", "key-1", "holder", "lead-b", Update.update("holder", "lead-c"))).isFalse();
		assertThat(writes.updateIf("claims", "key-1", "holder", "lead-a", Update.update("holder", "lead-b"))).isTrue();
		assertThat(writes.removeIf("claims", "key-1", "holder", "lead-a")).isFalse();
		assertThat(writes.removeIf("claims", "key-1", "holder", "lead-b")).isTrue();
		assertThat(this.stores.mongo.findById("key-1", Document.class, "claims")).isNull();
	}

	@Test
	void aRevisionMovesOncePerReadOfIt() {
		ConditionalWrites writes = this.stores.writes(StoreKind.MONGODB);
		this.stores.mongo.insert(new Deal("deal-1", null, "OPEN", 0));

		Deal after = writes.updateIfAndGet(Deal.class, "deal-1", "revision", 0L,
				new Update().set("stage", "WON").set("revision", 1L));
		assertThat(after.stage()).isEqualTo("WON");
		assertThat(writes.updateIfAndGet(Deal.class, "deal-1", "revision", 0L, Update.update("stage", "LOST"))).isNull();
		assertThat(writes.updateIf(Deal.class, "deal-1", "revision", 1L, Update.update("stage", "LOST"))).isTrue();
	}

	@Test
	void onTheEmbeddedStoreAConditionalFieldGetsAUniqueIndexWithTheIdOnce() {
		ConditionalWrites writes = this.stores.writes(StoreKind.EMBEDDED);
		writes.prepare("deals", "revision");
		this.stores.commandsSent();
		writes.prepare("deals", "revision");
		assertThat(this.stores.commandsSent()).isEmpty();
		assertThat(idPairIndexes("deals", "revision")).hasSize(1);
	}

	@Test
	void onMongoDbSuchAnIndexLeftFromBeforeIsDroppedAndNoneIsMade() {
		this.stores.mongo.indexOps("deals")
			.createIndex(new Index().on("_id", Sort.Direction.ASC).on("revision", Sort.Direction.ASC).unique()
				.named("revision_of_deal"));
		this.stores.writes(StoreKind.MONGODB).prepare("deals", "revision");
		assertThat(idPairIndexes("deals", "revision")).isEmpty();
	}

	@Test
	void aVersionedSaveThatLosesARaceIsAConflictAndIsRetriedOnTheFreshCopy() {
		ConditionalWrites writes = this.stores.writes(StoreKind.EMBEDDED);
		MongoMappingContext mapping = (MongoMappingContext) this.stores.mongo.getConverter().getMappingContext();
		VersionIndexes indexes = new VersionIndexes(writes, mapping);
		GenericApplicationContext context = new GenericApplicationContext();
		context.registerBean(VersionIndexes.class, () -> indexes);
		context.refresh();
		this.stores.mongo.setApplicationContext(context);
		Deal opened = this.stores.mongo.insert(new Deal("deal-2", null, "OPEN", 0));
		Deal stale = this.stores.mongo.findById("deal-2", Deal.class);
		this.stores.mongo.save(opened.withStage("PROPOSAL"));

		assertThatThrownBy(() -> this.stores.mongo.save(stale.withStage("LOST")))
			.isInstanceOf(OptimisticLockingFailureException.class);
		AtomicInteger reads = new AtomicInteger();
		Optional<Deal> won = VersionedSave.change(
				() -> Optional.of((reads.incrementAndGet() == 1) ? stale : this.stores.mongo.findById("deal-2", Deal.class)),
				(deal) -> true, (deal) -> this.stores.mongo.save(deal.withStage("WON")));
		assertThat(won.map(Deal::stage)).contains("WON");
		assertThat(reads).hasValue(2);
		assertThat(idPairIndexes("deals", "version")).hasSize(1);
	}

	@Test
	void ofTwoClaimsOnOneKeyTheFirstWinsAndABatchSaysWhichItLost() {
		assertThat(Claims.claim(this.stores.mongo, new Document("_id", "e:praxis@example.org"), "keys")).isTrue();
		assertThat(Claims.claim(this.stores.mongo, new Document("_id", "e:praxis@example.org"), "keys")).isFalse();

		List<Document> batch = List.of(new Document("_id", "p:+4930123"), new Document("_id", "e:praxis@example.org"),
				new Document("_id", "n:praxis|10115"), new Document("_id", "p:+4930123"));
		assertThat(Claims.claimAll(this.stores.mongo, "keys", batch).stream().boxed().toList()).containsExactly(1, 3);
		assertThat(this.stores.mongo.getCollection("keys").countDocuments()).isEqualTo(3);
	}

	private List<IndexInfo> idPairIndexes(String collection, String field) {
		return this.stores.mongo.indexOps(collection)
			.getIndexInfo()
			.stream()
			.filter((index) -> index.isIndexForFields(List.of("_id", field)))
			.toList();
	}

	@org.springframework.data.mongodb.core.mapping.Document("deals")
	record Deal(@Id String id, @Version Long version, String stage, long revision) {

		Deal withStage(String stage) {
			return new Deal(this.id, this.version, stage, this.revision);
		}

	}

}
