namespace UbiOps.Client.Tests.Support;

/// <summary>
/// The response examples of the API documentation (seed), as JSON. Where the docs' text is not
/// valid JSON (Python-isms), the fix is named next to the example; everything else is verbatim.
/// </summary>
internal static class DocExamples
{
    /// <summary>
    /// deployment_requests_create, "A failed deployment request". Fixed: <c>None</c> → <c>null</c>
    /// (both pages) and the comma missing after <c>"error_message"</c> (default-version page).
    /// </summary>
    public const string CreateFailed = """
        {
          "id": "85ae32a7-fe3a-4a55-be27-9db88ae68501",
          "deployment": "deployment-1",
          "version": "v1",
          "status": "failed",
          "success": false,
          "result": null,
          "error_message": "Asset ID not supported",
          "timeout": 300
        }
        """;

    /// <summary>
    /// deployment_requests_create, "A successful deployment request". Fixed: the trailing comma after
    /// <c>"output-field-2"</c> removed (both pages) and <c>None</c> → <c>null</c> (version page).
    /// </summary>
    public const string CreateCompleted = """
        {
          "id": "ffce45da-1562-419a-89a0-0a0837e55392",
          "deployment": "deployment-1",
          "version": "v2",
          "status": "completed",
          "success": true,
          "result": {
            "output-field-1": "2.1369",
            "output-field-2": "5.5832"
          },
          "error_message": null,
          "timeout": 300
        }
        """;

    /// <summary>batch_deployment_(version_)requests_create. Verbatim.</summary>
    public const string BatchCreate = """
        [
          {
            "id": "69eca481-8576-49e8-8e20-ea56f2005bcb",
            "deployment": "deployment-1",
            "version": "v1",
            "status": "pending",
            "time_created": "2020-03-28T20:00:26.613+00:00"
          },
          {
            "id": "2521378e-263e-4e2e-85e9-a96254b36536",
            "deployment": "deployment-1",
            "version": "v1",
            "status": "pending",
            "time_created": "2020-03-28T20:00:26.613+00:00"
          }
        ]
        """;

    /// <summary>deployment_(version_)requests_batch_get (collect). Verbatim.</summary>
    public const string Collect = """
        [
          {
            "id": "2f909aeb-5c7e-4974-970d-cd0a6a073aca",
            "deployment": "deployment-1",
            "version": "v1",
            "status": "pending",
            "success": null,
            "time_created": "2020-03-29T08:09:10.729+00:00",
            "time_started": null,
            "time_completed": null,
            "request_data": {
              "input": 82.2
            },
            "result": null,
            "error_message": null,
            "retries": 0,
            "input_size": 14,
            "output_size": null
          },
          {
            "id": "85711124-54db-4794-b83d-24492247c6e1",
            "deployment": "deployment-1",
            "version": "v1",
            "status": "pending",
            "success": null,
            "time_created": "2020-06-25T09:37:17.765+00:00",
            "time_started": null,
            "time_completed": null,
            "request_data": {
              "input": 52.4
            },
            "result": null,
            "error_message": null,
            "retries": 1,
            "input_size": 14,
            "output_size": null
          }
        ]
        """;

    /// <summary>
    /// deployment_(version_)requests_get. Fixed: the docs' site shows <c>created_by</c> obfuscated as
    /// "[email protected]" (an e-mail protection artifact); an example address is used instead,
    /// as in the spec.
    /// </summary>
    public const string Get = """
        {
          "id": "2f909aeb-5c7e-4974-970d-cd0a6a073aca",
          "deployment": "deployment-1",
          "version": "v1",
          "status": "pending",
          "success": null,
          "time_created": "2020-03-29T08:09:10.729+00:00",
          "time_started": null,
          "time_completed": null,
          "request_data": {
            "input": 82.3
          },
          "result": null,
          "error_message": null,
          "notification_group": "notification-group-1",
          "origin": {
            "deployment": "deployment-1",
            "deployment_version": "v1",
            "created_by": "user@example.com"
          },
          "retries": 0,
          "input_size": 14,
          "output_size": null
        }
        """;

    /// <summary>deployment_(version_)requests_list without filters. Verbatim.</summary>
    public const string List = """
        [
          {
            "id": "69eca481-8576-49e8-8e20-ea56f2005bcb",
            "deployment": "deployment-1",
            "version": "v1",
            "status": "pending",
            "success": null,
            "time_created": "2020-03-28T20:00:26.613+00:00",
            "time_started": null,
            "time_completed": null,
            "input_size": 10,
            "output_size": null
          },
          {
            "id": "2521378e-263e-4e2e-85e9-a96254b36536",
            "deployment": "deployment-1",
            "version": "v1",
            "status": "completed",
            "success": true,
            "time_created": "2020-03-28T20:00:26.613+00:00",
            "time_started": "2020-03-28T20:00:41.276+00:00",
            "time_completed": "2020-03-28T20:00:42.241+00:00",
            "input_size": 10,
            "output_size": 10
          }
        ]
        """;

    /// <summary>
    /// deployment_(version_)requests_list with start_date="2020-03-28T20:00:26+00:00" and
    /// end_date="2020-03-28T22:00:26+00:00". Verbatim.
    /// </summary>
    public const string ListBetweenDates = """
        [
          {
            "id": "69eca481-8576-49e8-8e20-ea56f2005bcb",
            "deployment": "deployment-1",
            "version": "v1",
            "status": "completed",
            "success": true,
            "time_created": "2020-03-28T20:00:43.613+00:00",
            "time_started": "2020-03-28T20:00:50.276+00:00",
            "time_completed": "2020-03-28T20:00:55.241+00:00",
            "input_size": 10,
            "output_size": 10
          },
          {
            "id": "2521378e-263e-4e2e-85e9-a96254b36536",
            "deployment": "deployment-1",
            "version": "v1",
            "status": "completed",
            "success": true,
            "time_created": "2020-03-28T21:12:45.613+00:00",
            "time_started": "2020-03-28T21:13:00.276+00:00",
            "time_completed": "2020-03-28T21:13:05.241+00:00",
            "input_size": 10,
            "output_size": 10
          }
        ]
        """;
}
