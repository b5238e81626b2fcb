package edu.campus.logistics.demo;

import static edu.campus.logistics.identity.CampusGroup.FINANCE;
import static edu.campus.logistics.identity.CampusGroup.GENERAL_AFFAIRS;
import static edu.campus.logistics.identity.CampusGroup.INSPECTORS;
import static edu.campus.logistics.identity.CampusGroup.LOGISTICS_HEAD;
import static edu.campus.logistics.identity.CampusGroup.LOGISTICS_STAFF;
import static edu.campus.logistics.identity.CampusGroup.PRINCIPAL;
import static edu.campus.logistics.identity.CampusGroup.PROCESS_OWNERS;
import static edu.campus.logistics.identity.CampusGroup.PURCHASING;
import static edu.campus.logistics.identity.CampusGroup.SCHOOL_COMMITTEE;
import static edu.campus.logistics.identity.CampusGroup.STAFF;
import static edu.campus.logistics.identity.CampusGroup.TECHNICIANS;
import static edu.campus.logistics.identity.CampusGroup.WAREHOUSE;

import edu.campus.logistics.identity.CampusGroup;

import edu.campus.logistics.ledger.ItemCategory;
import edu.campus.logistics.ledger.LedgerService;
import edu.campus.logistics.ledger.NewItem;
import edu.campus.logistics.ledger.StockLine;
import edu.campus.logistics.ledger.Voucher;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Demo users (password = user id, see README) and a seed stock catalogue with opening balances, so
 * that Tasklist feels alive on first start. On by default for the embedded run; the prod profile
 * switches it off. Idempotent: nothing is duplicated or reset on restart.
 */
@Component
@Order(30)
@ConditionalOnProperty(name = "campus.demo-data.enabled", havingValue = "true")
public class DemoData implements ApplicationRunner {

  private static final Logger LOG = LoggerFactory.getLogger(DemoData.class);

  /** A demo person: family name, given name, job, groups (every employee is also in {@code staff}). */
  public record DemoUser(String id, String familyName, String givenName, String job, List<CampusGroup> groups) {
  }

  public static final List<DemoUser> USERS = List.of(
      new DemoUser("zhangwei", "张", "伟", "语文教师", List.of(STAFF)),
      new DemoUser("liuyang", "刘", "洋", "数学教师", List.of(STAFF)),
      new DemoUser("wangfang", "王", "芳", "总务主任", List.of(STAFF, GENERAL_AFFAIRS, PROCESS_OWNERS)),
      new DemoUser("lijianguo", "李", "建国", "校长", List.of(STAFF, PRINCIPAL, SCHOOL_COMMITTEE)),
      new DemoUser("chenjing", "陈", "静", "副校长", List.of(STAFF, SCHOOL_COMMITTEE)),
      new DemoUser("zhaolei", "赵", "磊", "采购员", List.of(STAFF, PURCHASING)),
      new DemoUser("zhouqiang", "周", "强", "采购员兼验收员", List.of(STAFF, PURCHASING, INSPECTORS)),
      new DemoUser("sunli", "孙", "丽", "验收员", List.of(STAFF, INSPECTORS)),
      new DemoUser("wuxiaohong", "吴", "晓红", "仓库保管员", List.of(STAFF, WAREHOUSE)),
      new DemoUser("zhengkai", "郑", "凯", "后勤人员", List.of(STAFF, LOGISTICS_STAFF)),
      new DemoUser("fengxue", "冯", "雪", "后勤人员", List.of(STAFF, LOGISTICS_STAFF)),
      new DemoUser("hejun", "何", "军", "电工", List.of(STAFF, TECHNICIANS)),
      new DemoUser("majian", "马", "建", "水暖工", List.of(STAFF, TECHNICIANS)),
      new DemoUser("gaoming", "高", "明", "后勤负责人", List.of(STAFF, LOGISTICS_HEAD)),
      new DemoUser("linna", "林", "娜", "财务", List.of(STAFF, FINANCE)));

  /** Each demo person's department (Camunda user info {@code department}: a requisition's 申请部门). */
  static final Map<String, String> DEPARTMENTS = Map.ofEntries(
      Map.entry("zhangwei", "语文组"), Map.entry("liuyang", "数学组"), Map.entry("wangfang", "总务处"),
      Map.entry("lijianguo", "校长室"), Map.entry("chenjing", "校长室"), Map.entry("zhaolei", "总务处"),
      Map.entry("zhouqiang", "总务处"), Map.entry("sunli", "总务处"), Map.entry("wuxiaohong", "总务处"),
      Map.entry("zhengkai", "后勤处"), Map.entry("fengxue", "后勤处"), Map.entry("hejun", "后勤处"),
      Map.entry("majian", "后勤处"), Map.entry("gaoming", "后勤处"), Map.entry("linna", "财务室"));

  /** Opening stock: item, quantity, unit cost. */
  private record Seed(NewItem item, String quantity, String unitCost) {
  }

  private static final List<Seed> CATALOGUE = List.of(
      seed("OFF-A4", "复印纸", "A4 70g 500张/包 5包/箱", "箱", ItemCategory.OFFICE, "10", "20", "120.00"),
      seed("OFF-CHALK", "无尘粉笔", "白色 100支/盒", "盒", ItemCategory.OFFICE, "50", "200", "6.50"),
      seed("OFF-TONER", "硒鼓", "HP 88A", "个", ItemCategory.OFFICE, "5", "8", "180.00"),
      seed("ELE-T8TUBE", "LED灯管", "T8 1.2m 18W", "支", ItemCategory.ELECTRICAL, "30", "60", "25.00"),
      seed("ELE-SWITCH", "开关面板", "86型 单开", "个", ItemCategory.ELECTRICAL, "20", "40", "12.00"),
      seed("PLB-FAUCET", "水龙头", "铜 4分 快开", "个", ItemCategory.PLUMBING, "10", "15", "38.00"),
      seed("PLB-VALVE", "角阀", "4分", "个", ItemCategory.PLUMBING, "10", "20", "22.00"),
      seed("CLN-MOP", "拖把", "棉线 1.2m", "把", ItemCategory.CLEANING, "10", "30", "18.00"),
      seed("CLN-BROOM", "扫帚", "塑料", "把", ItemCategory.CLEANING, "10", "25", "12.00"),
      seed("CLN-BAG", "垃圾袋", "60×80cm 50只/卷", "卷", ItemCategory.CLEANING, "20", "80", "9.50"),
      seed("FUR-DESK", "学生课桌", "单人 可升降", "张", ItemCategory.FURNITURE, "0", "10", "260.00"),
      seed("FUR-CHAIR", "学生椅", "可升降", "把", ItemCategory.FURNITURE, "0", "10", "120.00"),
      seed("EQP-PROJ", "投影仪", "3LCD 4000流明", "台", ItemCategory.EQUIPMENT, "0", null, null));

  private static Seed seed(String code, String name, String spec, String unit, ItemCategory category,
                           String reorderLevel, String quantity, String unitCost) {
    return new Seed(new NewItem(code, name, spec, unit, category.id(), new BigDecimal(reorderLevel)), quantity, unitCost);
  }

  /** The storekeeper who signs the opening balances. */
  static final String OPENING_ACTOR = "wuxiaohong";

  private final IdentityService identityService;
  private final LedgerService ledger;

  public DemoData(IdentityService identityService, LedgerService ledger) {
    this.identityService = identityService;
    this.ledger = ledger;
  }

  @Override
  @Transactional
  public void run(ApplicationArguments args) {
    int users = 0;
    for (DemoUser demo : USERS) {
      if (identityService.createUserQuery().userId(demo.id()).count() == 0) {
        User user = identityService.newUser(demo.id());
        user.setFirstName(demo.familyName());
        user.setLastName(demo.givenName());
        user.setEmail(demo.id() + "@school.example");
        user.setPassword(demo.id());
        identityService.saveUser(user);
        users++;
      }
      if (identityService.getUserInfo(demo.id(), "department") == null && DEPARTMENTS.containsKey(demo.id())) {
        identityService.setUserInfo(demo.id(), "department", DEPARTMENTS.get(demo.id()));
      }
      for (CampusGroup group : demo.groups()) {
        if (identityService.createUserQuery().userId(demo.id()).memberOfGroup(group.id()).count() == 0) {
          identityService.createMembership(demo.id(), group.id());
        }
      }
    }
    int items = 0;
    for (Seed seed : CATALOGUE) {
      if (ledger.findItem(seed.item().code()).isEmpty()) {
        ledger.registerItem(seed.item());
        items++;
      }
      if (seed.quantity() != null) {
        ledger.receive(Voucher.manual("OPENING-" + seed.item().code(), OPENING_ACTOR),
            List.of(StockLine.of(seed.item().code(), new BigDecimal(seed.quantity()), new BigDecimal(seed.unitCost()))));
      }
    }
    if (users + items > 0) {
      LOG.info("Demo data: {} users and {} stock items created", users, items);
    }
  }
}
