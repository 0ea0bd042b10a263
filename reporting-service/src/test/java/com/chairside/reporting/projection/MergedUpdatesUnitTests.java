package com.chairside.reporting.projection;

import java.util.List;

import org.bson.Document;
import org.junit.jupiter.api.Test;

import org.springframework.data.mongodb.core.query.Update;

import static org.assertj.core.api.Assertions.assertThat;

/** How one document's consecutive updates fold, and where they must not. */
class MergedUpdatesUnitTests {

	private static List<Document> folded(Update... updates) {
		MergedUpdates merged = new MergedUpdates();
		for (Update update : updates) {
			merged.add(update);
		}
		assertThat(merged.count()).isEqualTo(updates.length);
		return merged.updates().stream().map(Update::getUpdateObject).toList();
	}

	@Test
	void foldsSetsIncrementsAndPushesIntoOneUpdate() {
		List<Document> folded = folded(new Update().set("status", "DRAFT").set("sequence", 1L),
				new Update().set("status", "SUBMITTED").inc("changes", 1).push("changeLog", "first").set("sequence", 2L),
				new Update().inc("changes", 1).push("changeLog", "second").set("sequence", 3L));

		assertThat(folded).hasSize(1);
		Document update = folded.get(0);
		assertThat(update.get("$set", Document.class)).containsEntry("status", "SUBMITTED").containsEntry("sequence", 3L);
		assertThat(update.get("$inc", Document.class)).containsEntry("changes", 2);
		assertThat(update.get("$push", Document.class).get("changeLog").toString()).contains("first", "second");
	}

	@Test
	void startsANewUpdateWhenAFieldChangesUnderAnotherOperator() {
		List<Document> folded = folded(new Update().set("changes", 5), new Update().inc("changes", 1),
				new Update().set("lines.0", "x"), new Update().set("lines", List.of()));

		assertThat(folded).hasSize(3);
		assertThat(folded.get(0).get("$set", Document.class)).containsEntry("changes", 5);
		assertThat(folded.get(1).get("$inc", Document.class)).containsEntry("changes", 1);
		assertThat(folded.get(1).get("$set", Document.class)).containsEntry("lines.0", "x");
		assertThat(folded.get(2).get("$set", Document.class)).containsEntry("lines", List.of());
	}

	@Test
	void leavesOtherOperatorsAloneInTheirPlace() {
		Update unset = new Update().unset("owner");
		List<Document> folded = folded(new Update().set("owner", "am"), unset, new Update().set("owner", "sm"));

		assertThat(folded).hasSize(3);
		assertThat(folded.get(1)).isEqualTo(unset.getUpdateObject());
	}

}
