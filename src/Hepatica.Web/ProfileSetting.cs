using Hepatica.Clinical;

namespace Hepatica.Web;

/// <summary>
/// The web host's guideline profile, setting <c>Hepatica:Profile</c> (appsettings.json, or the environment variable
/// <c>Hepatica__Profile</c>): <c>us</c> (the default) or <c>uk</c>. The API's <c>profile</c> query parameter overrides it
/// per request; CDS Hooks responses follow it. docs/web.md.
/// </summary>
internal sealed class ProfileSetting
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Hepatica";

    /// <summary>The profile id as configured (<c>us</c> or <c>uk</c>).</summary>
    public string Profile { get; set; } = GuidelineProfiles.IdOf(GuidelineProfiles.Default);

    /// <summary>The configured profile (validated at start, so never unknown here).</summary>
    public GuidelineProfile Value => GuidelineProfiles.Parse(Profile) ?? GuidelineProfiles.Default;
}

/// <summary>Registers <see cref="ProfileSetting"/>, refusing to start with an unknown profile.</summary>
internal static class ProfileSettingRegistration
{
    /// <summary>Binds <c>Hepatica:Profile</c> and validates it when the host starts.</summary>
    public static IServiceCollection AddProfileSetting(this IServiceCollection services)
    {
        services.AddOptions<ProfileSetting>().BindConfiguration(ProfileSetting.Section)
            .Validate(o => GuidelineProfiles.Parse(o.Profile) is not null, $"{ProfileSetting.Section}:Profile must be one of: {GuidelineProfiles.AcceptedIds}.")
            .ValidateOnStart();
        return services;
    }
}
