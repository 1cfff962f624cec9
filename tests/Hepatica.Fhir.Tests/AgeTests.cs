namespace Hepatica.Fhir.Tests;

public sealed class AgeTests
{
    [Theory]
    [InlineData("1970-03-15", "2026-03-15", 56.00)] // on the birthday
    [InlineData("1970-03-15", "2026-03-14", 55.99)] // the day before: truncated, never rounded up into the birthday
    [InlineData("2000-02-29", "2001-02-28", 1.00)]  // 29 February falls on 28 February in a common year
    [InlineData("2000-02-29", "2000-08-30", 0.50)]  // 183 of 365 days (2000-02-29 to 2001-02-28) = 0.501
    [InlineData("2025-11-21", "2026-11-20", 0.99)]
    [InlineData("2026-11-21", "2026-11-21", 0.00)]
    public void AgeYears_Cases_TruncatedToHundredths(string birth, string on, decimal expected) =>
        Assert.Equal(expected, FhirSnapshotReader.AgeYears(DateOnly.Parse(birth, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(on, System.Globalization.CultureInfo.InvariantCulture)));
}
