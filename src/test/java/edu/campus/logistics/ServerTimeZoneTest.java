package edu.campus.logistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ServerTimeZoneTest {

  @Test
  void aSchoolInChinaGetsShanghaiTimeByDefault() {
    assertThat(ServerTimeZone.choose(null, Map.of())).isEqualTo(ZoneId.of("Asia/Shanghai"));
    assertThat(ServerTimeZone.choose("", Map.of("TZ", " "))).isEqualTo(ZoneId.of("Asia/Shanghai"));
  }

  @Test
  void theEnvironmentOverridesTheDefault() {
    assertThat(ServerTimeZone.choose(null, Map.of("CAMPUS_TIMEZONE", "UTC", "TZ", "Asia/Tokyo")))
        .isEqualTo(ZoneId.of("UTC"));
    assertThat(ServerTimeZone.choose(null, Map.of("TZ", "Asia/Tokyo"))).isEqualTo(ZoneId.of("Asia/Tokyo"));
  }

  @Test
  void anExplicitJvmZoneIsLeftAlone() {
    assertThat(ServerTimeZone.choose("Europe/Berlin", Map.of("CAMPUS_TIMEZONE", "UTC"))).isNull();
  }

  @Test
  void aWrongZoneStopsTheStartWithAReason() {
    assertThatThrownBy(() -> ServerTimeZone.choose(null, Map.of("CAMPUS_TIMEZONE", "Beijing")))
        .hasMessageContaining("CAMPUS_TIMEZONE/TZ \"Beijing\" is not a time zone id");
  }
}
