namespace Hepatica.Web.Api;

/// <summary>
/// Settings of the REST API, configuration section <c>Hepatica:Api</c> (appsettings.json, or environment variables
/// such as <c>Hepatica__Api__MaxRequestBodyBytes</c>); docs/web.md.
/// </summary>
internal sealed class ApiOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Hepatica:Api";

    /// <summary>The default of <see cref="MaxRequestBodyBytes"/>: 16 MiB.</summary>
    public const long DefaultMaxRequestBodyBytes = 16 * 1024 * 1024;

    /// <summary>
    /// The largest request body a POST under /api reads, in bytes; a larger one gets 413 naming this setting. Default
    /// 16 MiB, sized for a patient's whole record as a FHIR Bundle: the 15 Synthea lifetime records of the shared samples
    /// are 0.27 to 1.4 MB and an EHR's export of a long chronic-liver-disease record can be several MB, so 16 MiB leaves
    /// room of ten times the largest sample while still bounding what one request holds in memory (the body is read whole
    /// and then parsed). Below Kestrel's own default per-request limit (30 MB). docs/web.md.
    /// </summary>
    public long MaxRequestBodyBytes { get; set; } = DefaultMaxRequestBodyBytes;

    /// <summary>The message of a 413 (API001): the limit and the setting that sets it.</summary>
    public string TooLargeMessage() =>
        $"The request body is larger than {MaxRequestBodyBytes} bytes, the limit set by {Section}:{nameof(MaxRequestBodyBytes)}.";

    /// <summary>
    /// Origins allowed to call /api from a browser (CORS), e.g. <c>https://app.example.org</c>. Empty (the default): none,
    /// so no browser page of another origin can read the API's answers.
    /// </summary>
    public List<string> AllowedOrigins { get; set; } = [];
}
