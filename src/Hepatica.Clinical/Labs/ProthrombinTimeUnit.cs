namespace Hepatica.Clinical.Labs;

/// <summary>Units accepted for prothrombin time.</summary>
public enum ProthrombinTimeUnit
{
    /// <summary>seconds (canonical): UCUM <c>s</c>.</summary>
    Second,
}
