using BenchmarkDotNet.Running;
using Hepatica.Benchmarks;

// `generate N FILE` and `tokenize FILE` serve scripts/bench-batch.sh; `scores FILE` prints a rough per-score cost table; anything else goes to BenchmarkDotNet.
return args switch
{
    ["generate", var count, var path] => BatchData.Generate(long.Parse(count, System.Globalization.CultureInfo.InvariantCulture), path),
    ["tokenize", var path] => Tokenizer.Run(path),
    ["scores", var path] => ScoreCosts.Run(path),
    ["sections", var path] => SectionCosts.Run(path),
    _ => BenchmarkSwitcher.FromAssembly(typeof(BatchData).Assembly).Run(args).Any() ? 0 : 1,
};
