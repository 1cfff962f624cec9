namespace Hepatica.Web.Api;

/// <summary>
/// Settings of the REST API, configuration section <c>Hepatica:Api</c> (appsettings.json, or environment variables
/// such as <c>Hepatica__Api__MaxRequestBodyBytes</c>); docs/web.md.
/// </summary>
internal sealed class ApiOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Hepatica:Api";

    /// <summary>The largest request body a POST under /api reads, in bytes (default 1 MiB); a larger one gets 413.</summary>
    public long MaxRequestBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>
    /// Origins allowed to call /api from a browser (CORS), e.g. <c>https://app.example.org</c>. Empty (the default): none,
    /// so no browser page of another origin can read the API's answers.
    /// </summary>
    public List<string> AllowedOrigins { get; set; } = [];
}
