package edu.campus.logistics.scan;

import edu.campus.logistics.identity.ApplicationReads;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.webapp.impl.security.filter.util.CsrfConstants;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * 扫码报修 (docs/processes/repair.md, "Reporting by phone"). For whoever prints the codes (logistics
 * staff, the head of logistics, general affairs; {@code ApiSecurityConfiguration.SCAN_PRINTERS}): the
 * register of places, the QR code images and the printable sheet of a building. For every signed-in
 * reporter: what a scanned code reports on ({@code /api/scan/target}) and their own reports
 * ({@code /api/scan/reports}). The report itself is started, and the repair confirmed, through
 * Tasklist's own API, never here.
 */
@RestController
@RequestMapping("/api/scan")
class ScanController {

  private final Places places;
  private final ReportTargets targets;
  private final ScanCodes codes;
  private final PrintSheet sheet;
  private final MyReports reports;
  private final ReportPhotos photos;
  private final IdentityService identityService;

  ScanController(Places places, ReportTargets targets, ScanCodes codes, PrintSheet sheet, MyReports reports,
                 ReportPhotos photos, IdentityService identityService) {
    this.photos = photos;
    this.places = places;
    this.targets = targets;
    this.codes = codes;
    this.sheet = sheet;
    this.reports = reports;
    this.identityService = identityService;
  }

  /** A place as {@code PUT /api/scan/places/{code}} takes it. */
  record PlaceInput(String building, String room) {
  }

  @GetMapping("/places")
  Map<String, List<Place>> places() {
    return Map.of("places", places.all());
  }

  /**
   * {@code GET /api/scan/locations}: the register's places as the repair's {@code location} reads
   * ("教学楼 301教室"), for every signed-in reporter — the suggestions under 报修地点 on Tasklist's
   * start form (scripts/place-picker.js), so that a report typed in Tasklist names a place as a
   * scanned one does. Only code and location, nothing of who keeps the register.
   */
  @GetMapping("/locations")
  Map<String, List<Map<String, String>>> locations() {
    return Map.of("locations", places.all().stream()
        .map(place -> Map.of("code", place.code(), "location", place.location())).toList());
  }

  @PutMapping(value = "/places/{code}", consumes = MediaType.APPLICATION_JSON_VALUE)
  Place savePlace(@PathVariable String code, @RequestBody PlaceInput input) {
    return places.save(code, input.building(), input.room(), currentUser());
  }

  @GetMapping("/places/{code}/qr.png")
  ResponseEntity<byte[]> placeCode(@PathVariable String code) {
    return png(codes.placeUrl(targets.place(code).place()));
  }

  @GetMapping("/assets/{tag}/qr.png")
  ResponseEntity<byte[]> assetCode(@PathVariable String tag) {
    return png(codes.assetUrl(targets.asset(tag).assetTag()));
  }

  /** {@code GET /api/scan/sheet?building=教学楼}: the building's printable sheet (HTML); 404 for a building with no codes. */
  @GetMapping("/sheet")
  ResponseEntity<String> sheet(@RequestParam String building) {
    return sheet.html(building.strip()).map(html -> ResponseEntity.ok()
            .contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
            .header("Content-Security-Policy", "default-src 'none'; img-src data:; style-src 'unsafe-inline'")
            .cacheControl(CacheControl.noStore()).body(html))
        .orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.TEXT_PLAIN)
            .body("楼栋“" + building.strip() + "”没有登记的报修地点或资产卡片 / no places or asset cards in this building"));
  }

  /** {@code GET /api/scan/target?place=JXL-301} or {@code ?asset=ZC2026-000001}: what the phone page pre-fills; 400 for a code in no register. */
  @GetMapping("/target")
  ReportTarget target(@RequestParam(required = false) String place, @RequestParam(required = false) String asset) {
    if ((place == null) == (asset == null)) {
      throw new ScanRefusal("请扫描地点或资产上的二维码（place 与 asset 须且只须给出一个） / give exactly one of place and asset");
    }
    return place != null ? targets.place(place.strip()) : targets.asset(asset.strip());
  }

  /**
   * {@code GET /api/scan/session}: who is signed in (id and name) and the webapp session's CSRF token,
   * which Tasklist's API wants on every submit. Camunda hands the token out only under {@code /camunda}
   * (cookie path) or once, in the answer that created it; the phone page lives at {@code /scan/}. The
   * answer goes only to the session's own holder (same origin, no CORS); null while the session has no
   * token yet (the page's next read of {@code /camunda/api} creates one).
   */
  @GetMapping("/session")
  Map<String, Object> session(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    Object token = session == null ? null : session.getAttribute(CsrfConstants.CSRF_TOKEN_SESSION_ATTR_NAME);
    String userId = currentUser();
    User user = identityService.createUserQuery().userId(userId).singleResult();
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("userId", userId);
    answer.put("name", user == null ? userId : ApplicationReads.displayName(user));
    answer.put("csrfToken", token instanceof String text ? text : null);
    return answer;
  }

  @GetMapping("/reports")
  Map<String, List<MyReports.MyReport>> myReports() {
    return Map.of("reports", reports.latest(currentUser()));
  }

  @GetMapping("/reports/{processInstanceId}")
  ResponseEntity<?> myReport(@PathVariable String processInstanceId) {
    return reports.of(currentUser(), processInstanceId).<ResponseEntity<?>>map(ResponseEntity::ok)
        .orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND).body(Map.of("type", "UnknownReport",
            "message", "没有这条报修，或您不是报修人 / no such repair report of this user")));
  }

  /**
   * {@code POST /api/scan/reports/{id}/photo} with the image as the body ({@code Content-Type: image/jpeg},
   * {@code image/png} or {@code image/webp}, at most 2 MB): the reporter's photo of their open report.
   * Read no further than the limit; a non-image type is refused, so no cross-site form can post here.
   */
  @PostMapping("/reports/{processInstanceId}/photo")
  ResponseEntity<?> addPhoto(@PathVariable String processInstanceId, HttpServletRequest request) throws IOException {
    byte[] content = request.getInputStream().readNBytes(ReportPhotos.MAX_BYTES + 1);
    if (content.length > ReportPhotos.MAX_BYTES) {
      return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).body(Map.of("type", "PhotoTooLarge",
          "message", "照片不能超过 2 MB / the photo must be at most 2 MB"));
    }
    try {
      photos.save(currentUser(), processInstanceId, request.getContentType(), content);
    } catch (ReportPhotos.UnknownReport unknown) {
      return ResponseEntity.status(HttpStatus.NOT_FOUND).body(Map.of("type", "UnknownReport", "message", unknown.getMessage()));
    }
    return ResponseEntity.noContent().build();
  }

  /** {@code GET /api/scan/reports/{id}/photo}: the photo, for the reporter and those who may see the case; else 404. */
  @GetMapping("/reports/{processInstanceId}/photo")
  ResponseEntity<?> photo(@PathVariable String processInstanceId) {
    return photos.photo(currentUser(), processInstanceId).<ResponseEntity<?>>map(photo -> ResponseEntity.ok()
            .contentType(MediaType.parseMediaType(photo.mediaType())).cacheControl(CacheControl.noStore().cachePrivate())
            .header("Content-Security-Policy", "default-src 'none'").header(HttpHeaders.CONTENT_DISPOSITION, "inline")
            .body(photo.content()))
        .orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND).body(Map.of("type", "UnknownPhoto",
            "message", "没有这张照片，或您无权查看 / no such photo for this user")));
  }

  @ExceptionHandler(ScanRefusal.class)
  ResponseEntity<Map<String, String>> refused(ScanRefusal refusal) {
    return ResponseEntity.status(HttpStatus.BAD_REQUEST).contentType(MediaType.APPLICATION_JSON)
        .body(Map.of("type", "ScanRefusal", "message", refusal.getMessage()));
  }

  private ResponseEntity<byte[]> png(String url) {
    return ResponseEntity.ok().contentType(MediaType.IMAGE_PNG).cacheControl(CacheControl.noStore())
        .header(HttpHeaders.CONTENT_DISPOSITION, "inline").body(codes.png(url));
  }

  private String currentUser() {
    return identityService.getCurrentAuthentication().getUserId();
  }
}
