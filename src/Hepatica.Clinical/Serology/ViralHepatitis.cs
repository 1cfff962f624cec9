namespace Hepatica.Clinical.Serology;

/// <summary>
/// The viral hepatitis section: every interpretation of the snapshot's serology, in a fixed order (hepatitis B, its
/// EASL phase, D, C, A, E). Empty when the snapshot has no serology. When some serology is given, hepatitis B, C and
/// A that were not tested are listed with the tests to order; D is read only with HBsAg positive, E only where tested.
/// </summary>
public static class ViralHepatitis
{
    /// <summary>Reads the snapshot's serology.</summary>
    /// <param name="snapshot">The patient.</param>
    public static SerologySection Evaluate(PatientSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var panel = snapshot.Serology;
        if (panel.IsEmpty)
        {
            return SerologySection.None;
        }

        var b = HepatitisB.Interpret(panel);
        SerologyInterpretation?[] all =
        [
            b,
            HepatitisBPhase.Interpret(panel, snapshot.Labs, b),
            HepatitisD.Interpret(panel),
            HepatitisC.Interpret(panel),
            HepatitisA.Interpret(panel),
            HepatitisE.Interpret(panel),
        ];
        return new SerologySection([.. all.OfType<SerologyInterpretation>()]);
    }
}
