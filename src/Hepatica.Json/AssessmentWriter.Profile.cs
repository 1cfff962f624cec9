using System.Text.Json;
using Hepatica.Clinical;

namespace Hepatica.Json;

/// <summary>The guideline profile in the JSON contract (docs/output.md, "Guideline profile").</summary>
public static partial class AssessmentWriter
{
    /// <summary>
    /// Writes <c>profile</c> (<c>us</c> or <c>uk</c>) and <c>allocationScore</c>: the profile's one allocation (under
    /// <c>uk</c>, listing) score, with its role, a phrase and the policy's citation key.
    /// </summary>
    /// <param name="w">The writer.</param>
    /// <param name="profile">The profile.</param>
    public static void WriteProfile(Utf8JsonWriter w, GuidelineProfile profile)
    {
        ArgumentNullException.ThrowIfNull(w);
        w.WriteString(Names.Profile, GuidelineProfiles.IdOf(profile));
        var a = GuidelineProfiles.AllocationScore(profile);
        w.WriteStartObject(Names.AllocationScore);
        w.WriteString(Names.Id, Encoded.Of(a.ScoreId));
        w.WriteString(Names.Role, a.KindName);
        w.WriteString(Names.Text, a.Text);
        w.WriteString(Names.Source, Encoded.Of(a.Source.Key));
        w.WriteEndObject();
    }

    /// <summary>Writes <c>role</c> and <c>roleText</c> of a score in the allocation family (MELD variants, PELD, UKELD) under the profile.</summary>
    private static void WriteRole(Utf8JsonWriter w, ScoreRole? role, Detail detail)
    {
        if (role is null)
        {
            return;
        }

        w.WriteString(Names.Role, role.KindName);
        if (detail == Detail.Full)
        {
            // Compact (population) records keep the role only: the phrase is the same on every record.
            w.WriteString(Names.RoleText, role.Text);
        }
    }
}
