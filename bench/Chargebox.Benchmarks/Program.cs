using BenchmarkDotNet.Running;
using Chargebox.Benchmarks;

if (!StartupProbe.TryRun(args))
{
    BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
}
