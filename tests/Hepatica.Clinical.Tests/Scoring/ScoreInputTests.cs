using Hepatica.Clinical.Scores;
using Hepatica.Clinical.Scoring;

namespace Hepatica.Clinical.Tests.Scoring;

/// <summary>
/// A score's inputs are typed (path, required or optional, note), not text a reader parses; they are written as the
/// output contract has always spelled them (docs/output.md: <c>path</c>, <c>path (note)</c>, <c>path (optional: note)</c>).
/// </summary>
public sealed class ScoreInputTests
{
    [Fact]
    public void ToString_EachForm_TheContractsSpelling()
    {
        Assert.Equal("labs.bilirubin", ((ScoreInput)"labs.bilirubin").ToString());
        Assert.Equal("sex (only when 18 or more at registration)", new ScoreInput("sex", true, "only when 18 or more at registration").ToString());
        Assert.Equal("ageAtListingYears (optional: decides the sex term)", ScoreInput.Optional("ageAtListingYears", "decides the sex term").ToString());
    }

    [Fact]
    public void FromString_TextWithANote_Refused() =>
        Assert.Throws<ArgumentException>(() => ScoreInput.FromString("ageAtListingYears (optional: decides the sex term)"));

    // MELD 3.0 reads the age at listing when given (Kim 2021: the sex term from 18 at registration); it is computed
    // without it, so the input is optional, and sex is required.
    [Fact]
    public void Meld3Inputs_AgeAtListingOptional_SexRequired()
    {
        Assert.False(Meld3.Definition.Inputs.Single(i => i.Path == "ageAtListingYears").Required);
        Assert.True(Meld3.Definition.Inputs.Single(i => i.Path == "sex").Required);
    }
}
