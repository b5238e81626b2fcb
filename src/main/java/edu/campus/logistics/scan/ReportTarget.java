package edu.campus.logistics.scan;

/**
 * What a scanned code reports on: the repair's {@code location} (and {@code assetTag} for an asset
 * card) as the phone page pre-fills them, and a label for people ("教学楼 301教室", "投影仪 ZC2026-000001").
 */
public record ReportTarget(String place, String assetTag, String location, String label) {
}
