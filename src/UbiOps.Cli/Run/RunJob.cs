using UbiOps.Cli.Commands;
using UbiOps.Cli.Errors;
using UbiOps.Cli.Inputs;
using UbiOps.Cli.Progress;

namespace UbiOps.Cli.Run;

/// <summary>
/// One <c>run</c>: finds where an earlier run stopped, runs the rest through the pipeline, and
/// reports the outcome in one summary line.
/// </summary>
internal sealed class RunJob(
    CommandContext context,
    RunSettings settings,
    string inputPath,
    InputFormat inputFormat,
    string outputPath,
    bool restart,
    IRunBackend backend,
    IProgressDisplay progress)
{
    public async Task<int> ExecuteAsync()
    {
        var statePath = RunStateFile.PathFor(outputPath);
        if (restart)
        {
            File.Delete(outputPath);
            File.Delete(statePath);
        }

        using var reader = InputSource.Open(inputPath, "--input", context.Environment);
        var existing = ExistingOutput.Scan(outputPath);
        await using var state = await RunStateFile.OpenAsync(statePath, context.Target.Describe(), existing.Count, context.Cancellation);
        if (existing.Count > 0)
        {
            context.Error.WriteLine(
                $"Resuming: {existing.Count} input(s) already in {Path.GetFileName(outputPath)}, " +
                $"{state.Recorded.Count} submitted earlier and collected now.");
        }

        var total = Remaining(existing.Count);
        RunPipeline? pipeline = null;
        try
        {
            await using var output = ResultWriter.AppendToFile(outputPath);
            await progress.RunAsync(total, observer =>
            {
                pipeline = new RunPipeline(backend, settings, output, state, observer);
                return pipeline.RunAsync(InputReader.ReadAsync(reader, inputFormat, context.Cancellation), existing.Count, context.Cancellation);
            });
        }
        catch (Exception) when (context.Cancellation.IsCancellationRequested)
        {
            context.Error.WriteLine(
                $"Stopped: {existing.Count + (pipeline?.Written ?? 0)} result(s) in {outputPath}. Run the same command again to finish; " +
                "submitted inputs are collected, not submitted again.");
            throw new OperationCanceledException(context.Cancellation);
        }

        await state.DisposeAsync();
        File.Delete(statePath);
        context.Target.DeleteEmulatorDatabase = true;
        var failed = existing.Failed + pipeline!.Failed;
        context.Error.WriteLine(
            $"Done: {existing.Count + pipeline.Written} result(s) in {outputPath}, {failed} failed" +
            (existing.Count > 0 ? $" ({existing.Count} from an earlier run)." : "."));
        return failed == 0 ? ExitCodes.Success : ExitCodes.SomeInputsFailed;
    }

    private long? Remaining(long alreadyWritten)
    {
        if (inputPath == InputSource.Stdin || StartsWithArray())
        {
            return null;
        }

        return InputSource.CountLines(inputPath, context.Environment) is { } lines ? Math.Max(0, lines - alreadyWritten) : null;
    }

    private bool StartsWithArray()
    {
        if (inputFormat != InputFormat.Auto)
        {
            return inputFormat == InputFormat.Json;
        }

        using var reader = new StreamReader(context.Environment.ResolvePath(inputPath));
        int c;
        while ((c = reader.Read()) >= 0 && char.IsWhiteSpace((char)c))
        {
        }

        return c == '[';
    }
}
