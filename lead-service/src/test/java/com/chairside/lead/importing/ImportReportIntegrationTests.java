package com.chairside.lead.importing;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import com.chairside.lead.lead.Duplicates;
import com.chairside.lead.lead.MatchKeys;
import com.chairside.testsupport.Api;
import com.chairside.testsupport.Infrastructure;
import com.chairside.testsupport.ServiceIntegrationTest;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The report of an import is exactly what it stored, row for row, wherever its duplicates fall relative to the
 * batches of {@value ImportWorker#BATCH} rows. Generated files of 2,000 rows (practices, repeats of some of them, rows
 * repeating leads captured before, bad rows) are uploaded as a user uploads them; then the report is held against the
 * leads stored (through the API and in the store), the claims on their keys, and the file read row by row (a row is a
 * duplicate when one of its match keys belongs to a lead stored before it, else it is created).
 * <p>
 * Each run works in a region of its own (an account manager's import goes to their region), so the leads of that
 * region are the ones captured before and the ones the import stored.
 */
@ServiceIntegrationTest
class ImportReportIntegrationTests {

	static final int ROWS = 2000;

	static final int BATCH = ImportWorker.BATCH;

	static final String HEADER = "practiceName,specialty,source,city,country,postalCode,email,phone";

	private static final Pattern DUPLICATE = Pattern.compile("duplicate of (line|lead) (\\S+) \\(same .+\\)");

	private static final String[] FIRST = { "Bright", "Gentle", "Family", "Smile", "Lakeside", "Harbor", "Oak", "Maple",
			"Summit", "River", "Park", "Main Street" };

	private static final String[] SECOND = { "Dental", "Orthodontics", "Dental Care", "Pediatric Dentistry",
			"Oral Surgery", "Dental Group", "Smiles", "Dentistry" };

	private static final String[] SPECIALTIES = { "GENERAL_DENTISTRY", "ORTHODONTICS", "PEDIATRIC_DENTISTRY",
			"ORAL_SURGERY" };

	private static final String[] CITIES = { "Boston", "Hartford", "Providence", "Portland", "Albany" };

	@LocalServerPort
	int port;

	@Autowired
	MongoTemplate mongo;

	/** Where the repeats of the file's practices are, relative to their first row and to the batches. */
	enum Placement {

		/** Anywhere after the first row, as the acceptance check's generator places them. */
		RANDOM,
		/** On the very next row. */
		RIGHT_AFTER,
		/** The first rows close a batch, their repeats open the next one, in the same order. */
		ACROSS_BOUNDARY,
		/** In the same batch as the first row. */
		WITHIN_BATCH,
		/** Mostly repeats of repeats, anywhere after them. */
		CHAINS

	}

	/** How a repeat differs from the row it repeats. */
	enum Variant {

		SAME, EMAIL_CASE, PHONE_PUNCTUATION, NAME_AND_POSTAL_CODE_ONLY

	}

	static Stream<Arguments> files() {
		return Stream.of(Arguments.of(Placement.RANDOM, 20261127L, false), Arguments.of(Placement.RANDOM, 20261127L, true),
				Arguments.of(Placement.RANDOM, 7L, true), Arguments.of(Placement.RIGHT_AFTER, 11L, true),
				Arguments.of(Placement.ACROSS_BOUNDARY, 13L, true), Arguments.of(Placement.ACROSS_BOUNDARY, 14L, false),
				Arguments.of(Placement.WITHIN_BATCH, 17L, true), Arguments.of(Placement.CHAINS, 19L, true));
	}

	/**
	 * @param realistic whether names and postal codes come from small lists and phones from a small range, so that
	 * different practices may match by name and postal code or by phone (else the file holds exactly what it says:
	 * 1,880 practices, 100 repeats, 20 bad rows)
	 */
	@ParameterizedTest(name = "{0}, seed {1}, realistic {2}")
	@MethodSource("files")
	void reportsExactlyWhatItStored(Placement placement, long seed, boolean realistic) throws Exception {
		Generator generator = new Generator(new Random(seed), placement, realistic);
		Run run = new Run(generator);
		// 50 leads captured before, through the API: a capture refused as a duplicate (of another lead, by name and
		// postal code or phone) is no lead, and the file's rows repeating it are no duplicates
		List<Practice> captured = new ArrayList<>();
		while (captured.size() < 50) {
			Practice practice = generator.practice();
			if (run.capture(practice)) {
				captured.add(practice);
			}
		}
		List<Row> rows = generator.file(captured);
		Report report = run.importAndCheck(rows, seed);
		if (!realistic) {
			assertThat(report).isEqualTo(new Report(1880, 100, 20));
		}
	}

	/**
	 * The acceptance check's figures (created 1,881, duplicates 99, rejected 20, and "1,880 new leads" in the store)
	 * are those of an exact import of a file one of whose 50 "leads created before" was never created: its capture
	 * was refused (409) as a duplicate of another one of them by phone, so the row meant to repeat it repeats no lead
	 * and is created, and the store holds 49 + 1,881 leads, which is 1,880 more than the 50 the generator assumed.
	 */
	@Test
	void aRowRepeatingACaptureThatWasRefusedIsCreated() throws Exception {
		Generator generator = new Generator(new Random(20261127L), Placement.RANDOM, false);
		Run run = new Run(generator);
		List<Practice> meant = Stream.generate(generator::practice)
			.limit(50)
			.collect(Collectors.toCollection(ArrayList::new));
		Practice first = meant.get(0);
		Practice last = meant.get(49);
		Practice samePhone = new Practice(last.name(), last.specialty(), last.city(), last.postalCode(), last.email(),
				first.phone());
		meant.set(49, samePhone);
		for (Practice practice : meant) {
			assertThat(run.capture(practice)).as(practice.name()).isEqualTo(practice != samePhone);
		}
		// the rows meant to repeat it carry its e-mail, at a branch (other name, postal code and phone)
		List<Row> rows = generator.file(meant);
		rows.replaceAll((row) -> (row.root() == samePhone)
				? new Row(generator.variant(samePhone, Variant.EMAIL_CASE), samePhone, null) : row);

		Report report = run.importAndCheck(rows, 20261127L);
		assertThat(report).isEqualTo(new Report(1881, 99, 20));
		assertThat(this.mongo.count(Query.query(Criteria.where("region").is(run.region)), "leads"))
			.as("the 49 leads captured before and the 1,881 created: 1,880 more than 50").isEqualTo(49 + 1881);
	}

	record Report(long created, long duplicates, long rejected) {
	}

	/** One run: its region and account manager, the leads captured before, the import and its checks. */
	final class Run {

		final String region;

		final String token;

		final Api api;

		final Set<String> before = new HashSet<>();

		final Set<String> held = new HashSet<>();

		Run(Generator generator) {
			this.region = Infrastructure.get().uniqueRegion();
			this.token = Infrastructure.get().token("am.report", "ACCOUNT_MANAGER", this.region);
			this.api = Api.local(ImportReportIntegrationTests.this.port, this.token);
		}

		/** Captures the practice through the API; false when refused as a duplicate. */
		boolean capture(Practice practice) {
			Api.Response response = this.api.post("/api/leads", practice.json(this.region));
			assertThat(response.status()).as(response.body()).isIn(201, 409);
			if (response.status() == 201) {
				this.before.add(response.field("id"));
				this.held.addAll(practice.keys());
			}
			return response.status() == 201;
		}

		/** Uploads the rows as a user does, checks the report against the store and the file, answers the report. */
		Report importAndCheck(List<Row> rows, long seed) throws Exception {
			assertThat(rows).hasSize(ROWS);
			return check(Expected.of(rows, this.held), upload(rows, seed));
		}

		private String upload(List<Row> rows, long seed) throws Exception {
			// as spreadsheets write files too: CRLF line ends, every field quoted
			String end = (seed % 2 == 1) ? "\r\n" : "\n";
			boolean quoted = seed % 3 == 0;
			StringBuilder csv = new StringBuilder(HEADER).append(end);
			rows.forEach((row) -> csv.append(row.csv(quoted)).append(end));
			String id = post(csv.toString(), this.token);
			await().atMost(Duration.ofSeconds(120))
				.until(() -> "DONE".equals(this.api.get("/api/leads/imports/" + id).field("status")));
			return id;
		}

		private Report check(Expected expected, String id) {
			Api api = this.api;
			String region = this.region;
			Set<String> before = this.before;
			JsonNode report = api.get("/api/leads/imports/" + id).json();
			long created = report.path("created").asLong();
			long duplicates = report.path("duplicates").asLong();
			long rejected = report.path("rejected").asLong();
			Map<Long, String> problems = problems(api, id);
			// what is stored in the region, once the outbox has published the leads' events (no write on them after)
			Query pending = Query.query(Criteria.where("region").is(region).and("pendingEvents.0").exists(true));
			MongoTemplate mongo = ImportReportIntegrationTests.this.mongo;
			await().atMost(Duration.ofSeconds(60)).until(() -> mongo.count(pending, "leads") == 0);
			Query inRegion = Query.query(Criteria.where("region").is(region));
			inRegion.fields().include("_id", "matchKeys");
			List<Document> stored = mongo.find(inRegion, Document.class, "leads");
			Set<String> storedIds = stored.stream().map((lead) -> lead.getString("_id")).collect(Collectors.toSet());
			assertThat(listed(api)).as("the leads listed through the API are those stored").isEqualTo(storedIds);
			Set<String> imported = new HashSet<>(storedIds);
			imported.removeAll(before);
			Map<String, Long> lineOfLead = new HashMap<>();
			for (long line = 2; line <= ROWS + 1; line++) {
				lineOfLead.put(ImportBatch.leadIdOf(id, line), line);
			}
			Set<Long> storedLines = imported.stream()
				.map(lineOfLead::get)
				.collect(Collectors.toCollection(TreeSet::new));

			String summary = "report: created " + created + ", duplicates " + duplicates + ", rejected " + rejected
					+ "; stored " + imported.size() + "; file read row by row: " + expected;
			assertThat(report.path("rowsRead").asLong()).isEqualTo(ROWS);
			assertThat(imported).as("every lead the import stored is the lead of one of its lines")
				.allMatch(lineOfLead::containsKey);
			assertThat(created).as("created is what was stored; " + summary).isEqualTo(imported.size());
			assertThat(created + duplicates + rejected).as(summary).isEqualTo(ROWS);
			assertThat(report.path("problemsTotal").asLong()).as("one problem for each row not created")
				.isEqualTo(duplicates + rejected);
			assertThat(problems).as("one problem for each row not created").hasSize((int) (duplicates + rejected));
			assertThat(problems.keySet()).as("problem lines are lines of the file")
				.allMatch((line) -> line >= 2 && line <= ROWS + 1);
			assertThat(problems.keySet()).as("no line is both a problem and a stored lead")
				.doesNotContainAnyElementsOf(storedLines);
			List<String> unfounded = new ArrayList<>();
			long named = 0;
			for (Map.Entry<Long, String> problem : problems.entrySet()) {
				Matcher duplicate = DUPLICATE.matcher(problem.getValue());
				if (duplicate.matches()) {
					named++;
					boolean stands = duplicate.group(1).equals("line")
							? storedLines.contains(Long.parseLong(duplicate.group(2)))
									&& Long.parseLong(duplicate.group(2)) < problem.getKey()
							: storedIds.contains(duplicate.group(2));
					if (!stands) {
						unfounded.add(problem.getKey() + ": " + problem.getValue());
					}
				}
			}
			assertThat(named).as("each duplicate names what it repeats").isEqualTo(duplicates);
			assertThat(unfounded).as("duplicates of an earlier line not stored, or of no stored lead").isEmpty();

			// no two leads share a match key, and each lead holds the claims on its keys
			Map<String, List<String>> leadsByKey = new HashMap<>();
			for (Document lead : stored) {
				Document keys = lead.get("matchKeys", Document.class);
				Duplicates.keysOf(new MatchKeys(keys.getString("email"), keys.getString("phone"),
						keys.getString("namePostalCode")))
					.forEach((key) -> leadsByKey.computeIfAbsent(key, (k) -> new ArrayList<>())
						.add(lead.getString("_id")));
			}
			assertThat(leadsByKey.entrySet().stream().filter((e) -> e.getValue().size() > 1).map(Map.Entry::getKey))
				.as("keys shared by stored leads").isEmpty();
			Map<String, String> holders = new HashMap<>();
			mongo.find(Query.query(Criteria.where("_id").in(leadsByKey.keySet())), Document.class, "lead_match_keys")
				.forEach((claim) -> holders.put(claim.getString("_id"), claim.getString("leadId")));
			assertThat(leadsByKey.entrySet()
				.stream()
				.filter((e) -> !e.getValue().get(0).equals(holders.get(e.getKey())))
				.map(Map.Entry::getKey)).as("keys of stored leads not claimed by them").isEmpty();

			// and the rows are those the file read row by row gives
			assertThat(storedLines).as(summary).isEqualTo(expected.created());
			assertThat(new TreeSet<>(problems.keySet())).as(summary).isEqualTo(expected.notCreated());
			Set<Long> rejectedLines = problems.entrySet()
				.stream()
				.filter((problem) -> !DUPLICATE.matcher(problem.getValue()).matches())
				.map(Map.Entry::getKey)
				.collect(Collectors.toCollection(TreeSet::new));
			assertThat(rejectedLines).as("rejected rows").isEqualTo(expected.rejected());
			return new Report(created, duplicates, rejected);
		}

	}

	/** Every problem of the import by line, paged through as a user pages. */
	private static Map<Long, String> problems(Api api, String id) {
		Map<Long, String> problems = new TreeMap<>();
		for (int page = 0;; page++) {
			JsonNode found = api.get("/api/leads/imports/" + id + "/problems?size=500&page=" + page).json();
			found.forEach((problem) -> assertThat(problems.put(problem.path("line").asLong(),
					problem.path("reason").asString())).as("one problem per line").isNull());
			if (found.size() < 500) {
				return problems;
			}
		}
	}

	/** The ids of every lead of the account manager's list, paged through. */
	private static Set<String> listed(Api api) {
		Set<String> listed = new HashSet<>();
		long total = 1;
		for (int page = 0; page * 500L < total; page++) {
			JsonNode found = api.get("/api/leads?size=500&page=" + page).json();
			total = found.path("total").asLong();
			found.path("items").forEach((lead) -> assertThat(listed.add(lead.path("id").asString()))
				.as("listed once: " + lead.path("id").asString()).isTrue());
		}
		return listed;
	}

	private String post(String csv, String token) throws Exception {
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/api/leads/imports"))
				.header("Authorization", "Bearer " + token)
				.header("Content-Type", "text/csv; charset=utf-8")
				.POST(HttpRequest.BodyPublishers.ofString(csv, StandardCharsets.UTF_8))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
		return JsonMapper.builder().build().readTree(response.body()).path("id").asString();
	}

	record Practice(String name, String specialty, String city, String postalCode, String email, String phone) {

		List<String> keys() {
			return Duplicates.keysOf(MatchKeys.of(this.email, this.phone, this.name, this.postalCode));
		}

		String json(String region) {
			return """
					{"practiceName":"%s","specialty":"%s","source":"OUTBOUND","city":"%s","country":"US",
					 "region":"%s","postalCode":"%s","email":"%s","phone":"%s"}""".formatted(this.name,
					this.specialty, this.city, region, this.postalCode, this.email, this.phone);
		}

	}

	/**
	 * One row of the file: a practice (and the practice it was first written as: a lead captured before, or a row
	 * of the file), or a bad row as written.
	 */
	record Row(Practice practice, Practice root, String bad) {

		Row(Practice practice) {
			this(practice, practice, null);
		}

		String csv(boolean quoteAll) {
			if (this.bad != null) {
				return this.bad;
			}
			Practice p = this.practice;
			return Stream.of(p.name(), p.specialty(), "OUTBOUND", p.city(), "US", p.postalCode(), p.email(), p.phone())
				.map((field) -> (quoteAll || field.contains(",")) ? "\"" + field.replace("\"", "\"\"") + "\"" : field)
				.collect(Collectors.joining(","));
		}

	}

	/** The lines (the first row is line 2) created, rejected and not created, reading the file row by row. */
	record Expected(Set<Long> created, Set<Long> rejected, Set<Long> notCreated) {

		static Expected of(List<Row> rows, Set<String> heldBefore) {
			Set<String> held = new HashSet<>(heldBefore);
			Set<Long> created = new TreeSet<>();
			Set<Long> rejected = new TreeSet<>();
			Set<Long> notCreated = new TreeSet<>();
			for (int i = 0; i < rows.size(); i++) {
				long line = i + 2;
				Row row = rows.get(i);
				if (row.bad() != null) {
					rejected.add(line);
					notCreated.add(line);
				}
				else if (row.practice().keys().stream().anyMatch(held::contains)) {
					notCreated.add(line);
				}
				else {
					created.add(line);
					held.addAll(row.practice().keys());
				}
			}
			return new Expected(created, rejected, notCreated);
		}

		@Override
		public String toString() {
			return "created " + this.created.size() + ", duplicates " + (this.notCreated.size() - this.rejected.size())
					+ ", rejected " + this.rejected.size();
		}

	}

	/**
	 * Files shaped as the acceptance check's: 1,830 practices, the 50 rows repeating the leads captured before and 20
	 * bad rows in random order, 50 repeats of the file's practices placed as {@link #placement} says, then 50 more
	 * practices. Repeats come as {@link Variant}s.
	 */
	static final class Generator {

		/** Digits only, so upper-cased names keep it; the runs and the other tests stay apart. */
		final String tag = String.format("%08d", Math.floorMod(UUID.randomUUID().getLeastSignificantBits(), 100_000_000L));

		private final Random random;

		private final Placement placement;

		private final boolean realistic;

		private final String phonePrefix = this.tag.substring(2);

		private int practices;

		private int otherPhones;

		Generator(Random random, Placement placement, boolean realistic) {
			this.random = random;
			this.placement = placement;
			this.realistic = realistic;
		}

		/**
		 * A new practice: realistic ones draw name and postal code from small lists and the phone from a small range;
		 * the others are numbered in name and phone.
		 */
		Practice practice() {
			int n = ++this.practices;
			String name = pick(FIRST) + " " + pick(SECOND) + (this.realistic ? "" : " " + n) + " " + this.tag;
			String postalCode = String.format("%05d", 2100 + this.random.nextInt(300));
			String email = "office" + n + "@" + pick(FIRST).toLowerCase().replace(' ', '-') + "-" + this.tag + ".example";
			int number = this.realistic ? this.random.nextInt(100_000) : n;
			return new Practice(name, pick(SPECIALTIES), pick(CITIES), postalCode, email,
					"+1 617 " + this.phonePrefix + " " + String.format("%05d", number));
		}

		/**
		 * The practice written again: as it was; with the e-mail in other case (from a branch: other name, postal
		 * code and phone); with the phone punctuated otherwise (and another e-mail); or only with its name (title
		 * noise, other case) and postal code (other spacing).
		 */
		Practice variant(Practice original, Variant variant) {
			String postalCode = original.postalCode().replaceAll("[^0-9]", "");
			String name = original.name().startsWith("Dr. ") ? original.name() : "Dr. " + original.name() + ", DDS";
			return switch (variant) {
				case SAME -> original;
				case EMAIL_CASE -> new Practice(original.name() + " Branch", original.specialty(), original.city(),
						"9" + postalCode.substring(1), original.email().toUpperCase(), otherPhone());
				case PHONE_PUNCTUATION -> new Practice(original.name(), original.specialty(), original.city(),
						postalCode.substring(0, 2) + "-" + postalCode.substring(2), "front-desk." + original.email(),
						punctuated(original.phone()));
				case NAME_AND_POSTAL_CODE_ONLY -> new Practice(name.toUpperCase(), original.specialty(),
						original.city(), " " + postalCode + " ", "info." + original.email(), otherPhone());
			};
		}

		private String otherPhone() {
			int number = this.realistic ? this.random.nextInt(100_000) : ++this.otherPhones;
			return "+1 212 " + this.phonePrefix + " " + String.format("%05d", number);
		}

		/** "+1 617 123456 00042" as "(1617) 1234-5600.042". */
		private static String punctuated(String phone) {
			String digits = phone.replaceAll("[^0-9]", "");
			return "(" + digits.substring(0, 4) + ") " + digits.substring(4, 8) + "-" + digits.substring(8, 12) + "."
					+ digits.substring(12);
		}

		private Row bad(int n) {
			String name = "Bad Row " + n + " " + this.tag;
			String email = "bad" + n + "@" + this.tag + ".example";
			return new Row(null, null, switch (n % 5) {
				case 0 -> name + ",TEETH,OUTBOUND,Boston,US,02115," + email + ",";
				case 1 -> name + ",ORTHODONTICS,OUTBOUND,,US,02115," + email + ",";
				case 2 -> name + ",ORTHODONTICS,OUTBOUND,Boston,US,02115,not an e-mail,";
				case 3 -> name + ",ORTHODONTICS";
				default -> name + ",ORTHODONTICS,OUTBOUND,Boston,USA,02115," + email + ",";
			});
		}

		/** The places of the repeats are chosen first, as rows of the final file, so a placement means its batches. */
		List<Row> file(List<Practice> capturedBefore) {
			List<Row> base = new ArrayList<>();
			Stream.generate(this::practice).limit(1830).forEach((p) -> base.add(new Row(p)));
			capturedBefore.forEach((before) -> base.add(new Row(variant(before, pickVariant()), before, null)));
			for (int i = 0; i < 20; i++) {
				base.add(bad(i));
			}
			Collections.shuffle(base, this.random);
			int size = base.size() + 50;
			TreeSet<Integer> repeatsAt = new TreeSet<>();
			if (this.placement == Placement.ACROSS_BOUNDARY) {
				for (int boundary = BATCH; boundary < size; boundary += BATCH) {
					for (int j = 0; j < 17 && repeatsAt.size() < 50; j++) {
						repeatsAt.add(boundary + j);
					}
				}
			}
			while (repeatsAt.size() < 50) {
				int at = 1 + this.random.nextInt(size - 1);
				boolean fits = switch (this.placement) {
					case RIGHT_AFTER -> !repeatsAt.contains(at - 1) && !repeatsAt.contains(at + 1);
					case WITHIN_BATCH -> at % BATCH >= 5;
					default -> true;
				};
				if (fits) {
					repeatsAt.add(at);
				}
			}
			Row[] rows = new Row[size];
			Iterator<Row> next = base.iterator();
			for (int i = 0; i < size; i++) {
				if (!repeatsAt.contains(i)) {
					rows[i] = next.next();
				}
			}
			for (int at : repeatsAt) {
				// a realistic repeat of a repeat drifts: it may share no key with anything stored, and is created
				Row original = rows[originalOf(rows, repeatsAt, at)];
				Practice from = this.realistic ? original.practice() : original.root();
				rows[at] = new Row(variant(from, pickVariant()), original.root(), null);
			}
			List<Row> file = new ArrayList<>(List.of(rows));
			Stream.generate(this::practice).limit(50).forEach((p) -> file.add(new Row(p)));
			return file;
		}

		/** Where the row that the repeat at {@code at} repeats is. */
		private int originalOf(Row[] rows, Set<Integer> repeatsAt, int at) {
			if (this.placement == Placement.RIGHT_AFTER) {
				int before = at - 1;
				while (rows[before].practice() == null) { // a bad row: the practice before it
					before--;
				}
				return before;
			}
			if (this.placement == Placement.ACROSS_BOUNDARY) {
				// the j-th row opening a batch repeats the j-th of the last 17 practices closing the batch before
				int boundary = at - at % BATCH;
				List<Integer> closing = new ArrayList<>();
				for (int i = boundary - 1; closing.size() < 17; i--) {
					if (rows[i].practice() != null && !repeatsAt.contains(i)) {
						closing.add(0, i);
					}
				}
				return closing.get(at - boundary);
			}
			int from = (this.placement == Placement.WITHIN_BATCH) ? at - at % BATCH : 0;
			List<Integer> firsts = new ArrayList<>();
			List<Integer> repeats = new ArrayList<>();
			for (int i = from; i < at; i++) {
				if (rows[i].practice() != null) {
					(repeatsAt.contains(i) ? repeats : firsts).add(i);
				}
			}
			if (this.placement == Placement.CHAINS && !repeats.isEmpty() && this.random.nextInt(3) > 0) {
				return repeats.get(this.random.nextInt(repeats.size()));
			}
			return firsts.get(this.random.nextInt(firsts.size()));
		}

		private Variant pickVariant() {
			return Variant.values()[this.random.nextInt(Variant.values().length)];
		}

		private String pick(String[] values) {
			return values[this.random.nextInt(values.length)];
		}

	}

}
