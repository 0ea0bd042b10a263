package com.chairside.reporting.meeting;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

import com.chairside.reporting.pipeline.LeadProgress;

/**
 * The lead funnel of the leads captured in the period: how many of them were contacted, qualified and converted by
 * now (a later stage counts the earlier ones as passed), by source, specialty and product interest, with the
 * conversion rates between stages and the average days spent in each stage.
 */
final class FunnelSection {

	static final List<String> STAGES = List.of("captured", "contacted", "qualified", "converted");

	private FunnelSection() {
	}

	static Map<String, Object> of(List<LeadProgress> allLeads, Period period) {
		List<LeadProgress> cohort = allLeads.stream().filter((l) -> period.contains(l.capturedAt())).toList();
		Map<String, Object> funnel = new LinkedHashMap<>(stages(cohort));
		funnel.put("disqualified", cohort.stream().filter((l) -> l.disqualifiedAt() != null).count());
		funnel.put("conversionRates", rates(stages(cohort)));
		Map<String, Object> days = new LinkedHashMap<>();
		days.put("captured", averageDays(cohort, LeadProgress::capturedAt, FunnelSection::contactedOrLater));
		days.put("contacted", averageDays(cohort, LeadProgress::contactedAt, FunnelSection::qualifiedOrLater));
		days.put("qualified", averageDays(cohort, LeadProgress::qualifiedAt, LeadProgress::convertedAt));
		funnel.put("averageDaysInStage", days);
		funnel.put("bySource", by(cohort, LeadProgress::source));
		funnel.put("bySpecialty", by(cohort, LeadProgress::specialty));
		Map<String, Map<String, Long>> byInterest = new TreeMap<>();
		for (LeadProgress lead : cohort) {
			for (String interest : (lead.productInterests() != null) ? lead.productInterests() : List.<String>of()) {
				stagesOf(lead).forEach((stage, n) -> byInterest.computeIfAbsent(interest, (k) -> zeroStages()).merge(stage, n, Long::sum));
			}
		}
		funnel.put("byProductInterest", byInterest);
		return funnel;
	}

	static Map<String, Long> stages(List<LeadProgress> leads) {
		Map<String, Long> stages = zeroStages();
		leads.forEach((lead) -> stagesOf(lead).forEach((stage, n) -> stages.merge(stage, n, Long::sum)));
		return stages;
	}

	private static Map<String, Long> stagesOf(LeadProgress lead) {
		Map<String, Long> stages = zeroStages();
		stages.put("captured", 1L);
		stages.put("contacted", (contactedOrLater(lead) != null) ? 1L : 0L);
		stages.put("qualified", (qualifiedOrLater(lead) != null) ? 1L : 0L);
		stages.put("converted", (lead.convertedAt() != null) ? 1L : 0L);
		return stages;
	}

	private static Map<String, Long> zeroStages() {
		Map<String, Long> stages = new LinkedHashMap<>();
		STAGES.forEach((s) -> stages.put(s, 0L));
		return stages;
	}

	private static Map<String, Map<String, Long>> by(List<LeadProgress> cohort, Function<LeadProgress, String> key) {
		Map<String, Map<String, Long>> by = new TreeMap<>();
		for (LeadProgress lead : cohort) {
			String k = (key.apply(lead) != null) ? key.apply(lead) : "UNKNOWN";
			stagesOf(lead).forEach((stage, n) -> by.computeIfAbsent(k, (x) -> zeroStages()).merge(stage, n, Long::sum));
		}
		return by;
	}

	private static Map<String, Double> rates(Map<String, Long> stages) {
		Map<String, Double> rates = new LinkedHashMap<>();
		rates.put("capturedToContacted", Figures.percent(stages.get("contacted"), stages.get("captured")));
		rates.put("contactedToQualified", Figures.percent(stages.get("qualified"), stages.get("contacted")));
		rates.put("qualifiedToConverted", Figures.percent(stages.get("converted"), stages.get("qualified")));
		rates.put("capturedToConverted", Figures.percent(stages.get("converted"), stages.get("captured")));
		return rates;
	}

	/** A lead qualified without an announced decision maker still left the contacted stage when it qualified. */
	private static String contactedOrLater(LeadProgress lead) {
		return (lead.contactedAt() != null) ? lead.contactedAt() : qualifiedOrLater(lead);
	}

	private static String qualifiedOrLater(LeadProgress lead) {
		return (lead.qualifiedAt() != null) ? lead.qualifiedAt() : lead.convertedAt();
	}

	private static Double averageDays(List<LeadProgress> cohort, Function<LeadProgress, String> entered,
			Function<LeadProgress, String> left) {
		double total = 0;
		long count = 0;
		for (LeadProgress lead : cohort) {
			String in = entered.apply(lead);
			String out = left.apply(lead);
			if (in != null && out != null && !in.equals(out)) {
				total += Duration.between(LeadProgress.at(in), LeadProgress.at(out)).toMinutes() / 1440.0;
				count++;
			}
		}
		return Figures.average(total, count);
	}

}
