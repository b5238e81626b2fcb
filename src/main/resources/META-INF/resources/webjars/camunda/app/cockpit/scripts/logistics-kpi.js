/*
 * 后勤指标: the logistics KPIs in Cockpit (docs/metrics.md). A Camunda 7 ES-module plugin, loaded through
 * `customScripts` in config.js: a dashboard tile (cockpit.dashboard), a full page at #/logistics-kpi
 * (cockpit.route) and its entry in the header (cockpit.navigation). Figures come from this application's
 * /api/metrics endpoints with the Cockpit login; charts are drawn by Chart.js from the application's own
 * webjar (/webjars/chart.js/...), never from a CDN. Managers only: the endpoints refuse everyone else.
 */

const CHART_JS = '/webjars/chart.js/dist/chart.umd.min.js';
const ROUTE = '/logistics-kpi';

const LABELS = {
  repairCategory: {electrical: '电', plumbing: '水', carpentry: '门窗桌椅', building: '房屋', grounds: '场地绿化',
    multimedia: '多媒体', other: '其他'},
  urgency: {urgent: '紧急', normal: '一般'},
  itemCategory: {office: '办公用品', cleaning: '清洁用品', electrical: '电料', plumbing: '水暖', furniture: '家具',
    equipment: '教学设备', other: '其他'},
  backlog: {lessThan1Day: '不足1天', from1To3Days: '1至3天', from3To7Days: '3至7天', moreThan7Days: '7天以上'},
  outcome: {stocked: '已入库', rejected: '已驳回', withdrawn: '已撤回', open: '办理中'},
  level: {'general-affairs': '总务主任', principal: '校长', 'school-committee': '校务会', '1': '一级督办（后勤负责人）',
    '2': '二级督办（校长）'},
  assetStatus: {IN_USE: '在用', DAMAGED: '损坏', UNDER_REPAIR: '维修中', RETIRED: '报废'}
};
const COLORS = ['#4e79a7', '#f28e2b', '#e15759', '#76b7b2', '#59a14f', '#edc948', '#b07aa1', '#ff9da7', '#9c755f'];

function word(table, code) {
  return (LABELS[table] && LABELS[table][code]) || code;
}

let chartLibrary;

/** Chart.js, loaded once from the application's webjar (through RequireJS when Cockpit has it, else a script tag). */
function loadChartJs() {
  if (!chartLibrary) {
    chartLibrary = new Promise((resolve, reject) => {
      if (window.Chart) {
        resolve(window.Chart);
      } else if (typeof window.define === 'function' && window.define.amd && typeof window.require === 'function') {
        window.require([CHART_JS], resolve, reject);
      } else {
        const script = document.createElement('script');
        script.src = CHART_JS;
        script.onload = () => resolve(window.Chart);
        script.onerror = () => reject(new Error('Chart.js not loaded'));
        document.head.appendChild(script);
      }
    }).then(Chart => {
      Chart.defaults.font.family = '"Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC", sans-serif';
      Chart.defaults.animation = false;
      return Chart;
    });
  }
  return chartLibrary;
}

function isoDate(date) {
  const local = new Date(date.getTime() - date.getTimezoneOffset() * 60000);
  return local.toISOString().slice(0, 10);
}

async function metrics(kind, from, to) {
  // a missing end is the server's today in the school's time zone (the browser's date may be another day)
  const period = new URLSearchParams(Object.entries({from, to}).filter(([, value]) => value));
  const response = await fetch(`/api/metrics/${kind}?${period}`,
      {credentials: 'same-origin', headers: {Accept: 'application/json'}});
  if (response.status === 401 || response.status === 403) {
    throw new Error('您没有查看后勤指标的权限（限后勤负责人、总务主任、校长、财务）。');
  }
  if (!response.ok) {
    let message = `查询失败（${response.status}）`;
    try {
      message = (await response.json()).message.split(' / ')[0];
    } catch (e) {
      // keep the status line
    }
    throw new Error(message);
  }
  return response.json();
}

function element(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  Object.entries(attributes).forEach(([key, value]) => node.setAttribute(key, value));
  children.forEach(child => node.append(child));
  return node;
}

function figure(value, unit = '') {
  return value === null || value === undefined ? '—' : `${value}${unit}`;
}

function money(value) {
  return value === null || value === undefined ? '—' : `${Number(value).toLocaleString('zh-CN', {maximumFractionDigits: 2})} 元`;
}

const STYLE = `
.kpi-page { padding: 15px 20px; }
.kpi-page h2 { margin-top: 0; }
.kpi-range { margin: 10px 0 18px; display: flex; gap: 10px; align-items: center; flex-wrap: wrap; }
.kpi-cards { display: flex; flex-wrap: wrap; gap: 12px; margin-bottom: 18px; }
.kpi-card { border: 1px solid #ddd; border-radius: 4px; padding: 8px 14px; min-width: 140px; background: #fff; }
.kpi-card .kpi-value { font-size: 22px; font-weight: bold; }
.kpi-card .kpi-label { color: #666; }
.kpi-charts { display: grid; grid-template-columns: repeat(auto-fill, minmax(420px, 1fr)); gap: 18px; }
.kpi-chart { border: 1px solid #ddd; border-radius: 4px; padding: 10px; background: #fff; }
.kpi-chart canvas { max-height: 260px; }
.kpi-section { margin-top: 22px; }
.kpi-table { border-collapse: collapse; width: 100%; background: #fff; }
.kpi-table th, .kpi-table td { border: 1px solid #ddd; padding: 4px 8px; text-align: left; }
.kpi-error { color: #b5152b; font-weight: bold; }
.kpi-empty { color: #888; margin: 0; }
.kpi-summary { background: #fff; border: 1px solid #ddd; padding: 12px 16px; line-height: 1.9; }
@media print {
  [cam-widget-header], .ce-eol-banner, .kpi-range, .kpi-noprint, footer { display: none !important; }
  .kpi-page { padding: 0; }
}
`;

function addStyle() {
  if (!document.getElementById('logistics-kpi-style')) {
    document.head.appendChild(element('style', {id: 'logistics-kpi-style'}, STYLE));
  }
}

function card(label, value) {
  return element('div', {class: 'kpi-card'}, element('div', {class: 'kpi-value'}, value),
      element('div', {class: 'kpi-label'}, label));
}

function chartBox(id, title) {
  return element('div', {class: 'kpi-chart'}, element('h4', {}, title), element('canvas', {id, 'aria-label': title}));
}

function table(headers, rows) {
  const head = element('tr', {}, ...headers.map(h => element('th', {}, h)));
  const body = rows.length ? rows.map(row => element('tr', {}, ...row.map(cell => element('td', {}, String(cell)))))
      : [element('tr', {}, element('td', {colspan: String(headers.length)}, '本期无数据'))];
  return element('table', {class: 'kpi-table'}, element('thead', {}, head), element('tbody', {}, ...body));
}

/** Draws one chart; counts (bar charts) get whole-number ticks. */
function draw(Chart, canvas, type, labels, datasets, options = {}) {
  const scales = type === 'bar' ? {y: {beginAtZero: true, ticks: {precision: 0}}} : undefined;
  const empty = datasets.every(dataset => dataset.data.every(value => !value));
  if (empty) {
    canvas.before(element('p', {class: 'kpi-empty'}, '本期无数据'));
  }
  return new Chart(canvas, {
    type,
    data: {labels, datasets},
    options: Object.assign({responsive: true, maintainAspectRatio: false, scales,
      plugins: {legend: {display: datasets.length > 1 || type === 'doughnut'}}}, options)
  });
}

/** The annual (or term) report's sentence, like the office's own: 更换水嘴13次，…. */
function summaryText(summary) {
  const categories = Object.entries(summary.repairsByCategory)
      .map(([code, count]) => `${word('repairCategory', code)}类 ${count} 次`).join('，');
  const parts = summary.partsReplaced.map(part => `更换${part.name} ${part.times} 次（共 ${Number(part.quantity)} ${part.unit}）`)
      .join('，');
  return [
    `${summary.from} 至 ${summary.to}，共受理报修 ${summary.repairsReported} 次，修复 ${summary.repairsResolved} 次${categories ? '：' + categories : ''}。`,
    parts ? `${parts}。` : '本期未领用维修配件。',
    `响应达标率 ${figure(summary.responseCompliancePercent, '%')}，修复达标率 ${figure(summary.resolutionCompliancePercent, '%')}，`
      + `平均满意度 ${figure(summary.meanSatisfaction, ' 分')}。`,
    `采购申请 ${summary.procurementRequests} 件，入库金额 ${money(summary.procurementSpendCny)}。`
  ];
}

/**
 * 导出报表: links to the audit exports (docs/operations.md) for those who may download them (finance, the head
 * of logistics, the principal; /api/exports answers 403 to everyone else, who get no links). The period of
 * each link is the page's date range, kept in step when the dates change.
 */
async function exportLinks(box, from, to) {
  const response = await fetch('/api/exports', {credentials: 'same-origin', headers: {Accept: 'application/json'}})
      .catch(() => null);
  if (!response || !response.ok) {
    return;
  }
  const links = [];
  const rows = (await response.json()).map(available => element('li', {},
      `${available.title}${available.period ? '（所选期间）' : '（截至今日）'}：`,
      ...[['xlsx', 'Excel 表格'], ['csv', 'CSV 文件']].map(([format, label]) => {
        const link = element('a', {class: 'kpi-export', 'data-export': available.id, 'data-format': format, download: '',
          style: 'margin-left: 10px'}, label);
        links.push({link, available, format});
        return link;
      })));
  const update = () => links.forEach(({link, available, format}) => {
    const query = new URLSearchParams(available.period ? {from: from.value, to: to.value, format} : {format});
    link.setAttribute('href', `${available.path}?${query}`);
  });
  [from, to].forEach(input => input.addEventListener('change', update));
  update();
  box.replaceChildren(element('h3', {}, '导出报表（供审计）'), element('ul', {class: 'kpi-exports'}, ...rows));
}

async function renderPage(node) {
  addStyle();
  const today = new Date();
  const from = element('input', {type: 'date', id: 'kpi-from', value: isoDate(new Date(today.getFullYear(), 0, 1))});
  // no end date at first: the server's today at the school (the browser's date may be another day); the first answer fills it in
  const to = element('input', {type: 'date', id: 'kpi-to'});
  const run = element('button', {type: 'button', class: 'btn btn-primary', id: 'kpi-run'}, '查询');
  const print = element('button', {type: 'button', class: 'btn btn-default', id: 'kpi-print'}, '打印小结');
  const content = element('div', {id: 'kpi-content'});
  const exportsBox = element('div', {class: 'kpi-noprint', id: 'kpi-exports'});
  node.replaceChildren(element('div', {class: 'kpi-page'}, element('h2', {}, '后勤指标'),
      element('div', {class: 'kpi-range'}, element('label', {for: 'kpi-from'}, '开始日期'), from,
          element('label', {for: 'kpi-to'}, '结束日期'), to, run, print), exportsBox, content));
  exportLinks(exportsBox, from, to);
  let charts = [];
  const refresh = async () => {
    charts.forEach(chart => chart.destroy());
    charts = [];
    content.replaceChildren(element('p', {}, '正在计算……'));
    try {
      const [Chart, repairs, staff, procurement, stock, summary] = await Promise.all([loadChartJs(),
        ...['repairs', 'staff', 'procurement', 'stock', 'summary'].map(kind => metrics(kind, from.value, to.value))]);
      if (!to.value && repairs.to) {
        to.value = repairs.to;
        to.dispatchEvent(new Event('change'));
      }
      content.replaceChildren(
          element('div', {class: 'kpi-section kpi-summary', id: 'kpi-summary'}, element('h3', {}, '年度（学期）小结'),
              ...summaryText(summary).map(line => element('div', {}, line))),
          element('div', {class: 'kpi-cards kpi-section'},
              card('报修数', String(repairs.reported)), card('已修复', String(repairs.resolved)),
              card('未结案', String(repairs.open)),
              card('平均首次响应', figure(repairs.firstResponse.meanMinutes, ' 分钟')),
              card('平均修复用时（不含等配件）', figure(repairs.resolutionWithoutPartsWait.meanMinutes, ' 分钟')),
              card('响应达标率', figure(repairs.responseSla.compliancePercent, '%')),
              card('修复达标率', figure(repairs.resolutionSla.compliancePercent, '%')),
              card('返修率', figure(repairs.reopenRatePercent, '%')),
              card('平均满意度', figure(repairs.meanSatisfaction, ' 分')),
              card('重复报修', String(repairs.repeatFaults.length)),
              card('低于库存下限', `${stock.itemsBelowReorderLevel.length} 种`),
              card('库存金额', money(stock.stockValueCny))),
          element('div', {class: 'kpi-charts'},
              chartBox('kpi-chart-categories', '报修类别'), chartBox('kpi-chart-sla', '每周时限达标率'),
              chartBox('kpi-chart-backlog', '未结案报修（按已等待时长）'), chartBox('kpi-chart-escalations', '督办次数'),
              chartBox('kpi-chart-spend', '采购入库金额（按物品类别）'), chartBox('kpi-chart-stock', '库存金额（按物品类别）')),
          element('div', {class: 'kpi-section'}, element('h3', {}, '首问负责人绩效'), table(
              ['姓名', '首问报修', '已修复', '平均首次响应（分钟）', '平均修复（分钟）', '响应达标率', '修复达标率', '平均满意度', '督办', '返修'],
              staff.firstResponders.map(s => [s.name, s.ownedCases, s.resolvedCases, figure(s.meanFirstResponseMinutes),
                figure(s.meanResolutionMinutes), figure(s.responseCompliancePercent, '%'),
                figure(s.resolutionCompliancePercent, '%'), figure(s.meanSatisfaction), s.escalations, s.reopenedCases]))),
          element('div', {class: 'kpi-section'}, element('h3', {}, '维修工作量'), table(['姓名', '完成维修', '用料数量', '用料金额'],
              staff.technicians.map(t => [t.name, t.jobsDone, Number(t.partsQuantity), money(t.partsValueCny)]))),
          element('div', {class: 'kpi-section'}, element('h3', {}, '采购'), table(
              ['采购申请', '平均办理周期（申请到入库，分钟）', '驳回率', '退回修改率', '超预算', '三家比价占比', '入库金额'],
              [[procurement.requests, figure(procurement.cycleToStocked.meanMinutes),
                figure(procurement.rejectionRatePercent, '%'), figure(procurement.revisionRatePercent, '%'),
                procurement.overBudgetPurchases, figure(procurement.threeQuoteSharePercent, '%'),
                money(procurement.spendCny)]])),
          element('div', {class: 'kpi-section'}, element('h3', {}, '低于库存下限的物品'), table(['物品', '类别', '现存', '下限'],
              stock.itemsBelowReorderLevel.map(i => [i.name, word('itemCategory', i.category),
                `${Number(i.quantity)} ${i.unit}`, `${Number(i.reorderLevel)} ${i.unit}`]))));
      const categories = Object.keys(repairs.byCategory);
      charts.push(draw(Chart, content.querySelector('#kpi-chart-categories'), 'bar',
          categories.map(code => word('repairCategory', code)),
          [{label: '报修次数', data: categories.map(code => repairs.byCategory[code]), backgroundColor: COLORS[0]}]));
      charts.push(draw(Chart, content.querySelector('#kpi-chart-sla'), 'line',
          repairs.slaByWeek.map(week => `${Number(week.weekStart.slice(5, 7))}月${Number(week.weekStart.slice(8))}日`),
          [{label: '响应达标率（%）', data: repairs.slaByWeek.map(week => week.responseCompliancePercent), borderColor: COLORS[0],
            backgroundColor: COLORS[0], spanGaps: true},
          {label: '修复达标率（%）', data: repairs.slaByWeek.map(week => week.resolutionCompliancePercent), borderColor: COLORS[1],
            backgroundColor: COLORS[1], spanGaps: true}], {scales: {y: {min: 0, max: 100}}}));
      const buckets = Object.keys(repairs.backlogByAge);
      charts.push(draw(Chart, content.querySelector('#kpi-chart-backlog'), 'bar', buckets.map(code => word('backlog', code)),
          [{label: '未结案', data: buckets.map(code => repairs.backlogByAge[code]), backgroundColor: COLORS[2]}]));
      charts.push(draw(Chart, content.querySelector('#kpi-chart-escalations'), 'bar', ['1', '2'].map(code => word('level', code)),
          [{label: '督办次数', data: ['1', '2'].map(code => repairs.escalationsByLevel[code] || 0), backgroundColor: COLORS[3]}]));
      const spend = Object.keys(procurement.spendByCategoryCny);
      charts.push(draw(Chart, content.querySelector('#kpi-chart-spend'), 'doughnut', spend.map(code => word('itemCategory', code)),
          [{label: '金额（元）', data: spend.map(code => procurement.spendByCategoryCny[code]), backgroundColor: COLORS}]));
      charts.push(draw(Chart, content.querySelector('#kpi-chart-stock'), 'bar',
          stock.stockValueByCategory.map(total => word('itemCategory', total.key)),
          [{label: '库存金额（元）', data: stock.stockValueByCategory.map(total => total.amount), backgroundColor: COLORS[4]}],
          {scales: {y: {beginAtZero: true}}}));
    } catch (error) {
      content.replaceChildren(element('p', {class: 'kpi-error'}, error.message));
    }
  };
  run.addEventListener('click', refresh);
  print.addEventListener('click', () => window.print());
  await refresh();
}

async function renderTile(node) {
  addStyle();
  const today = new Date();
  const from = isoDate(new Date(today.getFullYear() - 1, today.getMonth(), today.getDate() + 1));
  node.replaceChildren(element('section', {class: 'kpi-tile'}, element('h3', {}, '后勤指标'),
      element('div', {id: 'kpi-tile-content'}, '正在计算……')));
  const content = node.querySelector('#kpi-tile-content');
  try {
    // up to now at the school: reports made after the school's midnight count although the browser's clock may
    // still show yesterday
    const repairs = await metrics('repairs', from);
    content.replaceChildren(element('div', {class: 'kpi-cards'},
        card('未结案报修', String(repairs.open)), card('近一年报修', String(repairs.reported)),
        card('响应达标率', figure(repairs.responseSla.compliancePercent, '%')),
        card('平均满意度', figure(repairs.meanSatisfaction, ' 分'))),
        element('a', {href: `#${ROUTE}`, class: 'kpi-noprint'}, '查看全部后勤指标 »'));
  } catch (error) {
    content.replaceChildren(element('p', {class: 'kpi-error'}, error.message));
  }
}

export default [
  {
    id: 'campus.logistics.kpi.dashboard',
    pluginPoint: 'cockpit.dashboard',
    priority: 20,
    render: node => {
      renderTile(node);
    }
  },
  {
    id: 'campus.logistics.kpi.route',
    pluginPoint: 'cockpit.route',
    properties: {path: ROUTE},
    render: node => {
      renderPage(node);
    }
  },
  {
    id: 'campus.logistics.kpi.navigation',
    pluginPoint: 'cockpit.navigation',
    priority: 10,
    properties: {path: ROUTE},
    render: node => {
      node.replaceChildren(element('a', {href: `#${ROUTE}`, id: 'kpi-navigation'}, '后勤指标'));
    }
  }
];
