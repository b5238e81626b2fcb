package edu.campus.logistics.ledger;

import java.time.Instant;

/** One line of an asset's history. */
public record AssetEvent(long id, String assetTag, AssetEventType type, String details, String location,
                         String custodian, String voucherKey, String processInstanceId, String businessKey,
                         String activityId, String actor, Instant occurredAt) {
}
