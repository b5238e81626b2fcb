// 扫码报修: the phone report page (docs/processes/repair.md, "Reporting by phone").
// Signs in through the Camunda webapps' own login (the same session as Tasklist), starts the repair
// through Tasklist's own API (submit-form of the start form: the same server-side checks as in
// Tasklist) and completes the reporter's 回访确认 the same way. Nothing is loaded from elsewhere.
(function () {
  'use strict';

  var ENGINE = '/camunda/api/engine/engine/default';
  var AUTH = '/camunda/api/admin/auth/user/default';
  var POLL_MS = 4000;
  var POLL_MAX = 150;
  var PHOTO_MAX = 2 * 1024 * 1024;
  var PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp']; // about ten minutes, then the page stops asking until it is reloaded

  var params = new URLSearchParams(window.location.search);
  var target = null;
  var csrfToken = null;
  var polls = 0;

  function $(id) { return document.getElementById(id); }

  function show(id) {
    ['login', 'report', 'status', 'mine'].forEach(function (section) { $(section).hidden = section !== id; });
  }

  function say(text, ok) {
    var message = $('message');
    message.textContent = text || '';
    message.hidden = !text;
    message.className = ok ? 'message ok' : 'message';
  }

  function cookie(name) {
    var match = document.cookie.match(new RegExp('(?:^|; )' + name + '=([^;]*)'));
    return match ? decodeURIComponent(match[1]) : null;
  }

  function request(method, url, body, contentType) {
    var headers = { 'Accept': 'application/json' };
    if (method !== 'GET') {
      var token = csrfToken || cookie('XSRF-TOKEN');
      if (token) { headers['X-XSRF-TOKEN'] = token; }
    }
    if (body !== undefined) { headers['Content-Type'] = contentType || 'application/json'; }
    return fetch(url, { method: method, credentials: 'same-origin', headers: headers, body: body })
      .then(function (response) {
        var token = response.headers.get('X-XSRF-TOKEN');
        if (token && token !== 'Required') { csrfToken = token; }
        return response.text().then(function (text) {
          var json = null;
          try { json = text ? JSON.parse(text) : null; } catch (notJson) { json = null; }
          return { status: response.status, ok: response.ok, json: json };
        });
      });
  }

  function reason(answer, fallback) {
    var message = answer.json && answer.json.message;
    if (!message) { return fallback; }
    // the engine's refusals are "中文 / English": show the Chinese part
    return String(message).split(' / ')[0];
  }

  function variable(value) { return { value: value, type: 'String' }; }

  // who is signed in (asked of Camunda first: a 401 of /api would make the browser offer its own
  // password dialog), then the name and the session's CSRF token, whose cookie belongs to /camunda
  function signedIn() {
    return request('GET', AUTH).then(function (auth) {
      if (!auth.ok || !auth.json || !auth.json.userId) { return null; }
      return request('GET', '/api/scan/session').then(function (answer) {
        if (!answer.ok || !answer.json) { return null; }
        if (answer.json.csrfToken) { csrfToken = answer.json.csrfToken; }
        return answer.json;
      });
    });
  }

  function start() {
    signedIn().then(function (user) {
      if (!user) { show('login'); return; }
      $('who').textContent = user.name;
      $('logout').hidden = false;
      if (params.get('case')) { showStatus(params.get('case')); return; }
      loadTarget();
    }).catch(function () { say('网络连接失败，请稍后重试。'); });
  }

  function loadTarget() {
    var query = params.get('place') !== null ? 'place=' + encodeURIComponent(params.get('place'))
      : params.get('asset') !== null ? 'asset=' + encodeURIComponent(params.get('asset')) : null;
    if (!query) {
      listReports();
      return;
    }
    request('GET', '/api/scan/target?' + query).then(function (answer) {
      if (!answer.ok) {
        say(reason(answer, '无法识别这个二维码。'));
        return;
      }
      target = answer.json;
      $('place').textContent = target.label;
      show('report');
    });
  }

  // 我的报修: without a scanned code the page lists the reporter's latest reports
  function listReports() {
    request('GET', '/api/scan/reports').then(function (answer) {
      if (!answer.ok) { say(reason(answer, '查询失败，请稍后重试。')); return; }
      var list = $('mine-list');
      list.textContent = '';
      answer.json.reports.forEach(function (report) {
        var item = document.createElement('li');
        var link = document.createElement('a');
        link.href = window.location.pathname + '?case=' + encodeURIComponent(report.id);
        link.textContent = report.businessKey + ' · ' + (report.location || '')
          + (report.confirmTaskId ? ' · 待您确认' : report.ended ? ' · 已办结' : ' · 办理中');
        item.appendChild(link);
        list.appendChild(item);
      });
      $('mine-empty').hidden = answer.json.reports.length > 0;
      show('mine');
    });
  }

  // a shared phone: sign out of the school account (the same session as Tasklist)
  $('logout').addEventListener('click', function () {
    request('POST', AUTH + '/logout', '', 'application/x-www-form-urlencoded').then(function () {
      csrfToken = null;
      $('who').textContent = '';
      $('logout').hidden = true;
      say('已退出登录。', true);
      show('login');
    });
  });

  $('login-form').addEventListener('submit', function (event) {
    event.preventDefault();
    var body = 'username=' + encodeURIComponent($('username').value.trim())
      + '&password=' + encodeURIComponent($('password').value);
    request('POST', AUTH + '/login/tasklist', body, 'application/x-www-form-urlencoded').then(function (answer) {
      if (!answer.ok) {
        say(answer.status === 401 || answer.status === 403 ? '用户名或密码错误，或该账号不能使用任务中心。'
          : reason(answer, '登录失败，请稍后重试。'));
        return;
      }
      $('password').value = '';
      say('');
      start();
    });
  });

  $('report-form').addEventListener('submit', function (event) {
    event.preventDefault();
    var form = event.target;
    var description = form.description.value.trim();
    if (!form.category.value) { say('请选择报修类别。'); return; }
    if (!description) { say('请填写故障描述。'); return; }
    var photo = form.photo.files[0] || null;
    if (photo && PHOTO_TYPES.indexOf(photo.type) < 0) { say('照片只能是 JPEG、PNG 或 WebP 图片。'); return; }
    if (photo && photo.size > PHOTO_MAX) { say('照片不能超过 2 MB，请重新拍一张或选小一点的图片。'); return; }
    var variables = {
      location: variable(target.location),
      category: variable(form.category.value),
      description: variable(description),
      urgency: variable(form.urgency.value)
    };
    if (target.assetTag) { variables.assetTag = variable(target.assetTag); }
    $('submit-report').disabled = true;
    request('POST', ENGINE + '/process-definition/key/repair/submit-form',
      JSON.stringify({ variables: variables })).then(function (answer) {
      if (!answer.ok) {
        $('submit-report').disabled = false;
        say(reason(answer, '提交失败，请稍后重试。'));
        return;
      }
      say('');
      if (photo) { addPhoto(answer.json.id, photo); }
      window.history.replaceState(null, '', window.location.pathname + '?case=' + encodeURIComponent(answer.json.id));
      showStatus(answer.json.id, answer.json.businessKey);
    });
  });

  // the photo goes with the report once the case exists; the report stands even if the photo fails
  function addPhoto(caseId, photo) {
    fetch('/api/scan/reports/' + encodeURIComponent(caseId) + '/photo', {
      method: 'POST', credentials: 'same-origin', headers: { 'Content-Type': photo.type }, body: photo
    }).then(function (response) {
      if (response.ok) { $('photo-state').textContent = '照片已上传。'; return; }
      return response.json().then(function (json) {
        $('photo-state').textContent = '报修已受理，但照片未上传：' + String(json.message || '').split(' / ')[0];
      });
    }).catch(function () { $('photo-state').textContent = '报修已受理，但照片未上传：网络连接失败。'; });
  }

  function showStatus(caseId, businessKey) {
    show('status');
    if (businessKey) { $('accepted').textContent = '已受理，编号 ' + businessKey; }
    request('GET', '/api/scan/reports/' + encodeURIComponent(caseId)).then(function (answer) {
      if (!answer.ok) { say(reason(answer, '查询失败，请稍后重试。')); return; }
      var report = answer.json;
      $('accepted').textContent = (report.ended ? '已办结，编号 ' : '已受理，编号 ') + report.businessKey;
      $('responder').textContent = report.firstResponder ? '首问负责人：' + report.firstResponder
        : '正在等待后勤人员受理…';
      var confirm = $('confirm-form');
      confirm.hidden = !report.confirmTaskId;
      confirm.dataset.task = report.confirmTaskId || '';
      if (!report.ended && !report.confirmTaskId && polls++ < POLL_MAX) {
        window.setTimeout(function () { showStatus(caseId); }, POLL_MS);
      }
    });
  }

  $('confirm-form').addEventListener('submit', function (event) {
    event.preventDefault();
    var form = event.target;
    if (!form.fixed.value) { say('请选择是否已修好。'); return; }
    if (!form.satisfaction.value) { say('请选择满意度。'); return; }
    var variables = { fixed: variable(form.fixed.value), satisfaction: variable(form.satisfaction.value) };
    if (form.comment.value.trim()) { variables.followUpComment = variable(form.comment.value.trim()); }
    $('submit-confirm').disabled = true;
    request('POST', ENGINE + '/task/' + encodeURIComponent(form.dataset.task) + '/submit-form',
      JSON.stringify({ variables: variables })).then(function (answer) {
      $('submit-confirm').disabled = false;
      if (!answer.ok) { say(reason(answer, '提交失败，请稍后重试。')); return; }
      form.hidden = true;
      say(form.fixed.value === 'true' ? '谢谢！回访确认已提交。' : '已退回首问负责人重新处理。', true);
      polls = 0;
      showStatus(new URLSearchParams(window.location.search).get('case'));
    });
  });

  start();
}());
