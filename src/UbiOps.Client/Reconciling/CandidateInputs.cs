using Newtonsoft.Json.Linq;

namespace UbiOps.Client;

/// <summary>
/// Reads what the requests of a window hold, to match them to a call's inputs. Only requests
/// whose <c>input_size</c> one of the call's inputs could have are read (see <see cref="InputSizes"/>):
/// collected, 250 a call, for their <c>request_data</c>; where the server sends none (today's docs
/// deprecate it), their input file is read, one call each.
/// </summary>
internal sealed class CandidateInputs(RequestRoute route, InputSizes sizes, Action onCall)
{
    /// <summary>The requests that could hold one of <paramref name="inputs"/>, each with its input as canonical JSON (null where none could be read).</summary>
    public async Task<IReadOnlyList<Candidate>> ReadAsync(IReadOnlyList<DeploymentRequestList> window, IReadOnlyList<RequestInput> inputs, CancellationToken ct)
    {
        var possible = sizes.Of(inputs.Select(i => i.ToJson()));
        var toRead = window.Where(r => possible is null || r.InputSize is not { } size || possible.Contains(size)).Select(r => r.Id).ToArray();
        var candidates = new List<Candidate>(toRead.Length);
        foreach (var chunk in toRead.Chunk(RequestLimits.MaxItemsPerCall))
        {
            onCall();
            foreach (var detail in await route.CollectAsync(chunk, ct).ConfigureAwait(false))
            {
                var input = detail.RequestData?.AsJson() ?? await ReadFileAsync(detail.Id, ct).ConfigureAwait(false);
                if (input is not null && detail.InputSize is { } size)
                {
                    sizes.Observe(input, size);
                }

                candidates.Add(new Candidate(detail, input is null ? null : CanonicalJson.Of(input)));
            }
        }

        return candidates;
    }

    /// <summary>The input file of today's service; null where there is none (a 2024-07 server has no such route).</summary>
    private async Task<JToken?> ReadFileAsync(string id, CancellationToken ct)
    {
        onCall();
        try
        {
            using var file = new RequestFile(await route.GetInputAsync(id, ct).ConfigureAwait(false));
            return (await file.ReadPayloadAsync(ct).ConfigureAwait(false))?.AsJson();
        }
        catch (UbiOpsApiException e) when (e.StatusCode is 404 or 405)
        {
            return null;
        }
    }
}

/// <summary>A request of the window: its details, and its input as canonical JSON (<see langword="null"/> when the server keeps none that could be read).</summary>
internal sealed record Candidate(DeploymentRequestBatchDetail Detail, string? Input);
