using Hepatica.Clinical.Findings;
using Hepatica.Clinical.Scores;
using Hepatica.Clinical.Scoring;
using static Hepatica.Clinical.Tests.Scores.Cases;

namespace Hepatica.Clinical.Tests.Scores;

/// <summary>
/// AUDIT-C (Bush 1998, Arch Intern Med 158:1789): three answers 0-4, total 0-12; positive screen ≥ 4 in men and ≥ 3 in
/// women (Bradley 2007, Alcohol Clin Exp Res 31:1208; the same cut-offs in Delaney 2014, Addict Sci Clin Pract 9:2).
/// </summary>
public sealed class AuditCTests
{
    [Theory]
    [InlineData(1, 1, 1, Sex.Male, 3, "negative screen", "men: 3 is below 4")]
    [InlineData(2, 1, 1, Sex.Male, 4, "positive screen (unhealthy alcohol use)", "men: at 4")]
    [InlineData(2, 2, 1, Sex.Male, 5, "positive screen (unhealthy alcohol use)", "men: above 4")]
    [InlineData(1, 1, 0, Sex.Female, 2, "negative screen", "women: 2 is below 3")]
    [InlineData(1, 1, 1, Sex.Female, 3, "positive screen (unhealthy alcohol use)", "women: at 3")]
    [InlineData(2, 1, 1, Sex.Female, 4, "positive screen (unhealthy alcohol use)", "women: above 3")]
    [InlineData(0, 0, 0, Sex.Male, 0, "negative screen", "minimum")]
    [InlineData(4, 4, 4, Sex.Female, 12, "positive screen (unhealthy alcohol use)", "maximum 4 + 4 + 4")]
    public void Calculate_Rows_SumAndScreenBySex(int q1, int q2, int q3, Sex sex, int expected, string category, string source)
    {
        var result = AuditC.Calculate(new(q1, q2, q3, sex));
        Equal(expected, result.Value, source);
        Assert.Equal(category, result.Category);
    }

    [Theory]
    [InlineData(1, 0, 0)]
    [InlineData(0, 1, 0)]
    [InlineData(0, 0, 1)]
    public void Calculate_EachItem_CountsOnce(int q1, int q2, int q3)
    {
        var result = AuditC.Calculate(new(q1, q2, q3, Sex.Male));
        Assert.Equal(1m, result.Value);
        Assert.Equal(3, result.Steps.Count(s => s.Kind == StepKind.Points));
    }

    [Theory]
    [InlineData(5)]
    [InlineData(-1)]
    public void Calculate_AnswerOutOfRange_Throws(int answer) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => AuditC.Calculate(new(answer, 0, 0, Sex.Male)));

    [Fact]
    public void Evaluate_Empty_NamesEveryInput() =>
        Assert.Equal(["alcohol.auditC.q1", "alcohol.auditC.q2", "alcohol.auditC.q3", "sex"], AuditC.Evaluate(new PatientSnapshot()).Missing);
}
