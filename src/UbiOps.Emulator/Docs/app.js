// The emulator's API reference: reads /openapi.json, lists every operation with its parameters and
// offers a "try it" form that calls the emulator with the token entered above. No external assets.
(function () {
  "use strict";

  var METHODS = ["get", "post", "put", "patch", "delete"];
  var settings = { token: byId("token"), project: byId("project"), deployment: byId("deployment"), version: byId("version") };

  function byId(id) { return document.getElementById(id); }

  function el(tag, attributes, children) {
    var node = document.createElement(tag);
    Object.keys(attributes || {}).forEach(function (key) {
      if (key === "text") { node.textContent = attributes[key]; } else { node.setAttribute(key, attributes[key]); }
    });
    (children || []).forEach(function (child) { if (child) { node.appendChild(child); } });
    return node;
  }

  function resolve(spec, item) {
    var seen = 0;
    while (item && item.$ref && seen++ < 20) {
      item = item.$ref.replace(/^#\//, "").split("/").reduce(function (node, part) {
        return node ? node[part.replace(/~1/g, "/").replace(/~0/g, "~")] : undefined;
      }, spec);
    }
    return item || {};
  }

  function typeOf(spec, schema) {
    schema = resolve(spec, schema);
    if (schema.enum) { return (schema.type || "string") + " (" + schema.enum.join(" | ") + ")"; }
    if (schema.type === "array") { return "array of " + typeOf(spec, schema.items); }
    return (schema.type || "any") + (schema.format ? " (" + schema.format + ")" : "");
  }

  function exampleBody(spec, body) {
    var content = body.content || {};
    var json = content["application/json"] || content[Object.keys(content)[0]] || {};
    if (json.example !== undefined) { return json.example; }
    var examples = json.examples || {};
    var first = Object.keys(examples)[0];
    if (first) { return resolve(spec, examples[first]).value; }
    return resolve(spec, json.schema).example;
  }

  function defaultFor(name) {
    if (name === "project_name") { return settings.project.value; }
    if (name === "deployment_name") { return settings.deployment.value; }
    if (name === "version") { return settings.version.value; }
    return "";
  }

  function renderOperation(spec, path, method, operation, pathParameters) {
    var id = operation.operationId || (method + " " + path);
    var parameters = pathParameters.concat(operation.parameters || []).map(function (p) { return resolve(spec, p); });
    var body = operation.requestBody ? resolve(spec, operation.requestBody) : null;

    var rows = parameters.map(function (p) {
      return el("tr", {}, [
        el("td", {}, [el("code", { text: p.name })]),
        el("td", { text: p.in }),
        el("td", { text: p.required ? "yes" : "no" }),
        el("td", { text: typeOf(spec, p.schema) }),
        el("td", { text: (p.description || "").trim() })
      ]);
    });
    var table = rows.length === 0 ? el("p", { text: "No parameters." }) : el("table", { "class": "parameters" }, [
      el("thead", {}, [el("tr", {}, ["Parameter", "In", "Required", "Type", "Description"].map(function (h) { return el("th", { text: h }); }))]),
      el("tbody", {}, rows)
    ]);

    var inputs = parameters.map(function (p) {
      var input = el("input", { name: p.name, "data-in": p.in, placeholder: p.in === "path" ? "required" : "optional" });
      input.value = defaultFor(p.name);
      return el("label", {}, [document.createTextNode(p.name + " (" + p.in + ")"), input]);
    });
    var textarea = null, contentType = null;
    if (body) {
      var example = exampleBody(spec, body);
      textarea = el("textarea", { name: "body", spellcheck: "false" });
      textarea.value = example === undefined ? "" : JSON.stringify(example, null, 2);
      contentType = el("select", { name: "content-type" }, Object.keys(body.content || { "application/json": {} }).map(function (type) {
        return el("option", { value: type, text: type });
      }));
    }
    var output = el("div", { "class": "response", "aria-live": "polite" });
    var button = el("button", { type: "submit", text: "Send request" });
    var form = el("form", { "class": "try", "data-operation": id }, [
      el("strong", { text: "Try it" }),
      el("div", { "class": "fields" }, inputs),
      contentType ? el("label", {}, [document.createTextNode("Content-Type"), contentType]) : null,
      textarea ? el("label", {}, [document.createTextNode("Request body"), textarea]) : null,
      button,
      output
    ]);
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      send(spec, path, method, form, textarea, contentType, output);
    });

    return el("section", { "class": "operation", id: id }, [
      el("h2", {}, [
        el("span", { "class": "method " + method, text: method }),
        el("span", { "class": "path", text: path }),
        el("span", { "class": "operation-id", text: id })
      ]),
      el("p", { "class": "summary", text: operation.summary || "" }),
      el("p", { "class": "description", text: (operation.description || "").trim() }),
      table,
      body ? el("p", { text: "Request body: " + Object.keys(body.content || {}).join(", ") }) : null,
      form
    ]);
  }

  function send(spec, path, method, form, textarea, contentType, output) {
    var url = path, query = [];
    Array.prototype.forEach.call(form.querySelectorAll("input[data-in]"), function (input) {
      var value = input.value.trim();
      if (input.getAttribute("data-in") === "path") {
        value = value || defaultFor(input.name);
        url = url.replace("{" + input.name + "}", encodeURIComponent(value));
      } else if (value !== "") {
        query.push(encodeURIComponent(input.name) + "=" + encodeURIComponent(value));
      }
    });
    var base = (spec.servers && spec.servers[0] && new URL(spec.servers[0].url).pathname) || "/v2.1";
    var init = { method: method.toUpperCase(), headers: {} };
    if (settings.token.value.trim() !== "") { init.headers.Authorization = "Token " + settings.token.value.trim(); }
    if (textarea) {
      init.headers["Content-Type"] = contentType.value;
      init.body = textarea.value;
    }
    output.textContent = "Sending…";
    fetch(base + url + (query.length ? "?" + query.join("&") : ""), init).then(function (response) {
      return response.text().then(function (text) {
        var shown = text;
        try { shown = JSON.stringify(JSON.parse(text), null, 2); } catch (e) { /* not JSON: show as is */ }
        output.textContent = response.status + " " + response.statusText + "\n" + shown;
      });
    }).catch(function (error) { output.textContent = "Request failed: " + error; });
  }

  // The operations the emulator serves (its API generation's); all of the spec's when it does not say.
  var served = null;

  function render(spec) {
    byId("title").textContent = ((spec.info && spec.info.title) || "API reference") + (served ? " (API " + served.api + ")" : "");
    var main = byId("operations"), toc = byId("toc");
    main.textContent = "";
    var count = 0;
    Object.keys(spec.paths || {}).forEach(function (path) {
      var item = spec.paths[path];
      METHODS.forEach(function (method) {
        if (!item[method]) { return; }
        if (served && served.operations.indexOf(item[method].operationId) < 0) { return; }
        var section = renderOperation(spec, path, method, item[method], item.parameters || []);
        main.appendChild(section);
        toc.appendChild(el("a", { href: "#" + section.id, text: method.toUpperCase() + " " + section.id }));
        count++;
      });
    });
    document.body.setAttribute("data-operations", String(count));
  }

  settings.token.value = window.localStorage ? (localStorage.getItem("ubiops-emulator-token") || "") : "";
  settings.token.addEventListener("change", function () {
    if (window.localStorage) { localStorage.setItem("ubiops-emulator-token", settings.token.value); }
  });

  fetch("/emulator.json").then(function (r) { return r.ok ? r.json() : {}; }).catch(function () { return {}; }).then(function (info) {
    if (info.api && info.operations) { served = { api: info.api, operations: info.operations }; }
    settings.project.value = info.project || "demo";
    if (info.default_token && settings.token.value === "") { settings.token.value = info.default_token; }
    var deployments = info.deployments || [];
    deployments.forEach(function (d) { byId("deployments").appendChild(el("option", { value: d.name })); });
    if (deployments.length) { settings.deployment.value = deployments[0].name; settings.version.value = deployments[0].default_version; }
    return fetch("/openapi.json");
  }).then(function (r) {
    if (!r.ok) { throw new Error("GET /openapi.json answered " + r.status); }
    return r.json();
  }).then(render).catch(function (error) {
    var status = byId("status");
    status.textContent = "Could not load the API description: " + error;
    status.className = "error";
  });
})();
