namespace NetStandardConsumer;

/// <summary>Uses the generated lookups the way nullable-aware library code does.</summary>
public static class ModelNames
{
    /// <summary>The display name of a model id, or the id itself when no catalog lists it.</summary>
    public static string DisplayName(string? id) =>
        OpenAIPrices.TryGetModel(id, out var model) && model.Id.Length > 0 ? model.Name : id ?? string.Empty;

    /// <summary>The exact cost of a gpt-3.5-turbo request.</summary>
    public static decimal Cost(long inputTokens, long outputTokens) => OpenAIPrices.Chat.Gpt35Turbo.Cost(inputTokens, outputTokens);
}
