package edu.campus.logistics.scan;

import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** A few places of the demo school (教学楼, 实验楼) so that the embedded run can print a sheet; off with the demo data. */
@Component
@ConditionalOnProperty(name = "campus.demo-data.enabled", havingValue = "true")
class DemoPlaces {

  private static final List<Place> PLACES = List.of(
      new Place("JXL-101", "教学楼", "101教室"),
      new Place("JXL-301", "教学楼", "301教室"),
      new Place("JXL-3WC", "教学楼", "三楼卫生间"),
      new Place("SYL-305", "实验楼", "305化学实验室"));

  private final Places places;

  DemoPlaces(Places places) {
    this.places = places;
  }

  @EventListener(ApplicationReadyEvent.class)
  void seed() {
    for (Place place : PLACES) {
      if (places.find(place.code()).isEmpty()) {
        places.save(place.code(), place.building(), place.room(), "demo-data");
      }
    }
  }
}
