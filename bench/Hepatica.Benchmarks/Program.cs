using BenchmarkDotNet.Running;
using Hepatica.Benchmarks;

// `generate N FILE` and `tokenize FILE` serve scripts/bench-batch.sh, `generate-bulk MB DIR` and `tokenize-bulk DIR` scripts/bench-bulk.sh; `scores FILE` prints a rough per-score cost table; anything else goes to BenchmarkDotNet.
return args switch
{
    ["generate", var count, var path] => BatchData.Generate(long.Parse(count, System.Globalization.CultureInfo.InvariantCulture), path),
    ["tokenize", var path] => Tokenizer.Run(path),
    ["generate-bulk", var megabytes, var dir] => BulkData.Generate(long.Parse(megabytes, System.Globalization.CultureInfo.InvariantCulture), dir),
    ["tokenize-bulk", var dir] => Tokenizer.RunBulk(dir),
    ["scores", var path] => ScoreCosts.Run(path),
    ["sections", var path] => SectionCosts.Run(path),
    _ => BenchmarkSwitcher.FromAssembly(typeof(BatchData).Assembly).Run(args).Any() ? 0 : 1,
};
