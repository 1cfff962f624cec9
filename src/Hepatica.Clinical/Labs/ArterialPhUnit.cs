namespace Hepatica.Clinical.Labs;

/// <summary>Units accepted for arterial pH.</summary>
public enum ArterialPhUnit
{
    /// <summary>pH units (canonical): UCUM <c>[pH]</c>.</summary>
    Ph,
}
