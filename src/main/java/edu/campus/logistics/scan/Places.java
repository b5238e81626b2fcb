package edu.campus.logistics.scan;

import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The register of places with a QR code (table {@code scan_place}): code, building and room. Logistics
 * staff keep it through {@code PUT /api/scan/places/{code}}; the printable sheet of a building lists its
 * places. Every value is checked here, so a refused place changes nothing.
 */
@Repository
public class Places {

  /** Codes are what the QR code carries in its URL: capitals, digits and hyphens (JXL-301). */
  static final Pattern CODE = Pattern.compile("[A-Z0-9][A-Z0-9-]{0,31}");
  static final int MAX_BUILDING = 40;
  static final int MAX_ROOM = 50;

  private static final RowMapper<Place> PLACE = (rs, n) -> new Place(rs.getString("code"), rs.getString("building"),
      rs.getString("room"));

  private final JdbcTemplate jdbc;

  Places(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @Transactional(readOnly = true)
  public Optional<Place> find(String code) {
    if (code == null || !CODE.matcher(code).matches()) {
      return Optional.empty();
    }
    return jdbc.query("select code, building, room from scan_place where code = ?", PLACE, code).stream().findFirst();
  }

  @Transactional(readOnly = true)
  public List<Place> all() {
    return jdbc.query("select code, building, room from scan_place order by building, code", PLACE);
  }

  @Transactional(readOnly = true)
  public List<Place> inBuilding(String building) {
    return jdbc.query("select code, building, room from scan_place where building = ? order by code", PLACE, building);
  }

  /** Adds the place or changes its building and room; refuses a malformed code, building or room. */
  @Transactional
  public Place save(String code, String building, String room, String actor) {
    if (code == null || !CODE.matcher(code).matches()) {
      throw new ScanRefusal("地点编码只能由大写字母、数字和连字符组成，最多 32 位（如 JXL-301） / the place code must be 1-32 capitals, digits or hyphens");
    }
    Place place = new Place(code, clean(building, "楼栋", "building", MAX_BUILDING), clean(room, "房间", "room", MAX_ROOM));
    Timestamp now = new Timestamp(ClockUtil.getCurrentTime().getTime());
    int changed = jdbc.update("update scan_place set building = ?, room = ?, updated_by = ?, updated_at = ? where code = ?",
        place.building(), place.room(), actor, now, code);
    if (changed == 0) {
      jdbc.update("insert into scan_place (code, building, room, updated_by, updated_at) values (?, ?, ?, ?, ?)",
          code, place.building(), place.room(), actor, now);
    }
    return place;
  }

  private static String clean(String value, String label, String name, int max) {
    String text = value == null ? "" : value.strip();
    if (text.isEmpty()) {
      throw new ScanRefusal(label + "必填 / " + name + " is required");
    }
    if (text.length() > max || text.chars().anyMatch(Character::isISOControl)) {
      throw new ScanRefusal("%s最多 %d 个字符，不能含控制字符 / %s must be at most %d characters without control characters"
          .formatted(label, max, name, max));
    }
    return text;
  }
}
