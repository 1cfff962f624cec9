namespace Hepatica.Clinical.Findings;

/// <summary>
/// Hepatic encephalopathy, West Haven grade 0-4 (Conn 1977; AASLD/EASL 2014 practice guideline on hepatic
/// encephalopathy, Vilstrup et al., Hepatology 2014;60:715). Validated once at construction.
/// </summary>
public readonly record struct EncephalopathyGrade
{
    /// <summary>Highest West Haven grade (coma).</summary>
    public const int MaximumGrade = 4;

    private EncephalopathyGrade(int grade) => Grade = grade;

    /// <summary>No encephalopathy (grade 0).</summary>
    public static EncephalopathyGrade None { get; } = new(0);

    /// <summary>The West Haven grade, 0 to 4.</summary>
    public int Grade { get; }

    /// <summary>Creates a grade from 0 to 4.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The grade is outside 0-4.</exception>
    public static EncephalopathyGrade FromWestHaven(int grade) =>
        grade is >= 0 and <= MaximumGrade
            ? new(grade)
            : throw new ArgumentOutOfRangeException(nameof(grade), grade, "West Haven grade is 0 to 4.");

    /// <inheritdoc />
    public override string ToString() => $"West Haven grade {Grade}";
}
