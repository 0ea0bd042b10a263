package com.chairside.lead.territory;

import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The account managers of a region, in round-robin order; {@code assigned} counts the leads handed out so far and is
 * only ever moved by an atomic {@code $inc} (findAndModify), so replicas never hand out the same turn twice.
 */
@Document("region_teams")
public record RegionTeam(@Id String region, List<String> accountManagers, long assigned) {
}
