using BenchmarkDotNet.Running;
using Hepatica.Benchmarks;

// `generate N FILE` and `tokenize FILE` serve scripts/bench-batch.sh, `generate-bulk MB DIR` and `tokenize-bulk DIR` scripts/bench-bulk.sh; `generate-record LABS FILE` and `record STORE LABS PATIENTS [--smoke]` scripts/bench-record.sh; `scores FILE` prints a rough per-score cost table; anything else goes to BenchmarkDotNet.
return args switch
{
    ["generate", var count, var path] => BatchData.Generate(long.Parse(count, System.Globalization.CultureInfo.InvariantCulture), path),
    ["tokenize", var path] => Tokenizer.Run(path),
    ["generate-bulk", var megabytes, var dir] => BulkData.Generate(long.Parse(megabytes, System.Globalization.CultureInfo.InvariantCulture), dir),
    ["tokenize-bulk", var dir] => Tokenizer.RunBulk(dir),
    ["scores", var path] => ScoreCosts.Run(path),
    ["sections", var path] => SectionCosts.Run(path),
    ["generate-record", var labs, var path] => RecordData.Generate(int.Parse(labs, System.Globalization.CultureInfo.InvariantCulture), path),
    ["record", var store, var labs, var patients, .. var rest] => await RecordBench.Run(store, int.Parse(labs, System.Globalization.CultureInfo.InvariantCulture), int.Parse(patients, System.Globalization.CultureInfo.InvariantCulture), smoke: rest is ["--smoke"]),
    _ => BenchmarkSwitcher.FromAssembly(typeof(BatchData).Assembly).Run(args).Any() ? 0 : 1,
};
