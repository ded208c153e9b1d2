// The browsable reference of the document the server serves at /openapi (JSON). No URL bar
// (BaseLayout): the page shows this server's API only. A script file, not an inline one, so the
// page's Content-Security-Policy can forbid inline scripts.
window.addEventListener("load", function () {
  window.ui = SwaggerUIBundle({
    url: "/openapi?format=JSON",
    dom_id: "#swagger-ui",
    deepLinking: true,
    displayOperationId: true,
    presets: [SwaggerUIBundle.presets.apis],
    layout: "BaseLayout"
  });
});
