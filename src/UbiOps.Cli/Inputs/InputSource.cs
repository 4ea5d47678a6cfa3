using UbiOps.Cli.Errors;

namespace UbiOps.Cli.Inputs;

/// <summary>Opens a file named on the command line, or stdin for '-'.</summary>
internal static class InputSource
{
    public const string Stdin = "-";

    public static TextReader Open(string path, string optionName, CliEnvironment environment)
    {
        if (path == Stdin)
        {
            return environment.OpenStdin();
        }

        var fullPath = environment.ResolvePath(path);
        try
        {
            return new StreamReader(fullPath, detectEncodingFromByteOrderMarks: true);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new CliUsageException($"{optionName} '{path}': no such file.");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CliUsageException($"{optionName} '{path}': {e.Message}");
        }
    }

    /// <summary>Counts the non-blank lines of a file (for a progress total), streaming; null for stdin.</summary>
    public static long? CountLines(string path, CliEnvironment environment)
    {
        if (path == Stdin)
        {
            return null;
        }

        try
        {
            return File.ReadLines(environment.ResolvePath(path)).LongCount(l => !string.IsNullOrWhiteSpace(l));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
