namespace Hepatica.Web.Record;

/// <summary>
/// Settings of the longitudinal record's routes, configuration section <c>Hepatica:Record</c> (docs/web.md, "The
/// record"). Where the record lives is the separate setting <c>Hepatica:Store</c> (<see cref="RecordSetup.StoreSetting"/>).
/// </summary>
internal sealed class RecordOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Hepatica:Record";

    /// <summary>
    /// True to allow <c>DELETE /api/record/patients/{id}</c>, which erases everything held about one patient. Off by
    /// default (secure by default): a host that should offer erasure says so.
    /// </summary>
    public bool AllowErase { get; set; }

    /// <summary>The header that names who acknowledged or resolved an alert, when the body does not.</summary>
    public string UserHeader { get; set; } = "X-Hepatica-User";
}
