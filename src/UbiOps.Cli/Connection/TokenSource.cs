using System.CommandLine;
using UbiOps.Cli.Commands;
using UbiOps.Cli.Errors;
using UbiOps.Cli.Inputs;

namespace UbiOps.Cli.Connection;

/// <summary>
/// Where the token comes from: <c>--token VALUE</c>, <c>--token -</c> (the first line of stdin) or
/// <c>--token-file FILE</c> (its first line); <see langword="null"/> when none is given.
/// </summary>
internal static class TokenSource
{
    public static string? Read(ParseResult parse, TargetOptions options, CliEnvironment environment)
    {
        var value = parse.GetValue(options.Token);
        var file = parse.GetValue(options.TokenFile);
        if (value is not null && file is not null)
        {
            throw new CliUsageException("--token and --token-file both give the token: pass one of them.");
        }

        if (file is not null)
        {
            var path = environment.ResolvePath(file);
            if (!File.Exists(path))
            {
                throw new CliUsageException($"--token-file '{file}': no such file.");
            }

            return FirstLine(File.ReadLines(path), $"--token-file '{file}'");
        }

        if (value != InputSource.Stdin)
        {
            return value;
        }

        if (parse.Tokens.Select(t => t.Value).Zip(parse.Tokens.Skip(1).Select(t => t.Value)).Any(p => p is ("--input" or "-i", InputSource.Stdin)))
        {
            throw new CliUsageException("--token - and --input - both read stdin: give the token with --token-file or UBIOPS_API_TOKEN.");
        }

        using var stdin = environment.OpenStdin();
        return FirstLine(ReadLines(stdin), "--token - (stdin)");
    }

    private static IEnumerable<string> ReadLines(TextReader reader)
    {
        while (reader.ReadLine() is { } line)
        {
            yield return line;
        }
    }

    private static string FirstLine(IEnumerable<string> lines, string source) =>
        lines.Select(l => l.Trim()).FirstOrDefault(l => l.Length > 0)
        ?? throw new CliUsageException($"{source} holds no token (it is empty).");
}
