using System.Globalization;
using System.Text.RegularExpressions;

namespace Hepatica.Web.Tests.Readability;

/// <summary>
/// The Flesch-Kincaid grade level (Kincaid, Fishburne, Rogers, Chissom 1975, "Derivation of new readability formulas
/// ... for Navy enlisted personnel", Research Branch Report 8-75): 0.39 × words/sentences + 11.8 × syllables/words − 15.59.
/// Counting rules, written once here:
/// <list type="bullet">
/// <item>A sentence ends at <c>.</c>, <c>!</c> or <c>?</c> followed by a space or the end; a text without one is one sentence.</item>
/// <item>A word is a run of characters between spaces holding a letter or a digit; a hyphenated word (<c>Child-Pugh</c>) is one word
/// whose syllables are those of its parts; a number is one word of one syllable.</item>
/// <item>Syllables by <see cref="Syllables"/>.</item>
/// </list>
/// </summary>
internal static partial class FleschKincaid
{
    /// <summary>The grade level of a text (any number of sentences).</summary>
    public static double Grade(string text)
    {
        var (words, sentences, syllables) = Count(text);
        return Grade(words, sentences, syllables);
    }

    /// <summary>The formula of Kincaid 1975 on counted totals.</summary>
    public static double Grade(int words, int sentences, int syllables)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(words, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(sentences, 1);
        return (0.39 * words / sentences) + (11.8 * syllables / words) - 15.59;
    }

    /// <summary>Words, sentences and syllables of a text, by the rules above.</summary>
    public static (int Words, int Sentences, int Syllables) Count(string text)
    {
        var words = 0;
        var syllables = 0;
        foreach (var token in text.Split((char[])[' ', '\n', '\t', '\u00A0'], StringSplitOptions.RemoveEmptyEntries))
        {
            if (!token.Any(char.IsLetterOrDigit))
            {
                continue;
            }

            words++;
            var parts = token.Split('-', StringSplitOptions.RemoveEmptyEntries).Select(p => new string([.. p.Where(char.IsLetter)])).Where(p => p.Length > 0).ToList();
            syllables += parts.Count == 0 ? 1 : parts.Sum(Syllables);
        }

        var sentences = Math.Max(1, SentenceEnd().Count(text.Trim() + " "));
        return (words, sentences, syllables);
    }

    /// <summary>
    /// Syllables of one English word by the vowel-group rule of thumb (the method readability tools such as
    /// textstat and the "syllable" npm package use, after Flesch 1949, "The Art of Readable Writing"): count the runs of
    /// vowels (a e i o u, and y after a consonant), then take one off for a silent final <c>e</c> (not <c>-le</c> after
    /// a consonant: <c>ta-ble</c>), a silent <c>-es</c> (not after s, x, z, c, g or sh/ch: <c>nurs-es</c>) and a silent
    /// <c>-ed</c> (not after t or d: <c>want-ed</c>); add one for a vowel pair said as two (<c>ia</c>, <c>io</c>,
    /// <c>eo</c>, <c>ua</c>, <c>uo</c>, not in <c>-tion</c>, <c>-sion</c>, <c>-cious</c>, <c>-gion</c>, <c>qu-</c>, <c>people</c>); at least one.
    /// It is not a dictionary: ReadabilityTests checks it on words with their dictionary syllable counts.
    /// </summary>
    public static int Syllables(string word)
    {
        var w = word.ToLowerInvariant();
        if (w.Length <= 3)
        {
            return 1;
        }

        var count = 0;
        var inVowel = false;
        for (var i = 0; i < w.Length; i++)
        {
            var vowel = IsVowel(w, i);
            if (vowel && !inVowel)
            {
                count++;
            }

            inVowel = vowel;
        }

        count += TwoSyllablePair().Count(w) - NotTwoSyllables().Count(w);
        if (w.EndsWith('e') && !(w.EndsWith("le", StringComparison.Ordinal) && !IsVowel(w, w.Length - 3)) && !IsVowel(w, w.Length - 2))
        {
            count--;
        }
        else if (w.EndsWith("es", StringComparison.Ordinal) && !SoundedEs().IsMatch(w) && !IsVowel(w, w.Length - 3))
        {
            count--;
        }
        else if (w.EndsWith("ed", StringComparison.Ordinal) && w[^3] is not ('t' or 'd') && !IsVowel(w, w.Length - 3))
        {
            count--;
        }

        return Math.Max(1, count);
    }

    private static bool IsVowel(string w, int i) => w[i] switch
    {
        'a' or 'e' or 'i' or 'o' or 'u' => true,
        'y' => i > 0 && !IsVowel(w, i - 1),
        _ => false,
    };

    /// <summary>Formats a grade for messages.</summary>
    public static string Format(double grade) => grade.ToString("0.0", CultureInfo.InvariantCulture);

    [GeneratedRegex(@"[.!?]+[""')\]]*\s")]
    private static partial Regex SentenceEnd();

    [GeneratedRegex("ia|io|eo|ua|uo")]
    private static partial Regex TwoSyllablePair();

    [GeneratedRegex("[tsc]io|gio|cia|tia|qua|quo|gua|eopl")]
    private static partial Regex NotTwoSyllables();

    [GeneratedRegex("(s|x|z|c|g|sh|ch)es$")]
    private static partial Regex SoundedEs();
}
