using System;
using System.Collections.Generic;
using System.Globalization;

namespace PriceGen;

/// <summary>One pricing of one usage: picks each dimension's rate (service tier, else context tier, else base) and bills it.</summary>
internal readonly struct UsagePricing
{
    private readonly TokenPricing _pricing;

    private readonly Usage _usage;

    private readonly string _model;

    private readonly PricingTier? _tier;

    private readonly ServiceTierPricing? _service;

    private readonly List<CostLine> _lines;

    public UsagePricing(TokenPricing pricing, Usage usage, string model)
    {
        _pricing = pricing;
        _usage = usage;
        _model = model;
        _tier = pricing.TierFor(usage.InputTokens);
        _service = usage.ServiceTier switch
        {
            ServiceTier.Batch => pricing.Batch ?? throw new InvalidOperationException("This model has no batch prices."),
            ServiceTier.Priority => pricing.Priority ?? throw new InvalidOperationException("This model has no priority-tier prices."),
            ServiceTier.Flex => pricing.Flex ?? throw new InvalidOperationException("This model has no flex-tier prices."),
            _ => null,
        };
        _lines = new List<CostLine>();
    }

    public CostBreakdown Price()
    {
        var u = _usage;
        ThrowIfNegative(u.InputTokens, nameof(u.InputTokens));
        ThrowIfNegative(u.OutputTokens, nameof(u.OutputTokens));
        var inputParts = Part(u.CachedInputTokens, "cachedInputTokens") + Part(u.CacheWriteTokens, "cacheWriteTokens") + Part(u.CacheWrite1hTokens, "cacheWrite1hTokens") +
            Part(u.AudioInputTokens, "audioInputTokens") + Part(u.CachedAudioInputTokens, "cachedAudioInputTokens") + Part(u.ImageInputTokens, "imageInputTokens");
        if (inputParts > u.InputTokens)
        {
            throw new ArgumentOutOfRangeException("cachedInputTokens", inputParts, "Cache reads and writes, audio and image tokens are part of the input tokens and cannot exceed them (" + Invariant(u.InputTokens) + ").");
        }

        var outputParts = Part(u.ReasoningTokens, "reasoningTokens") + Part(u.AudioOutputTokens, "audioOutputTokens") + Part(u.ImageOutputTokens, "imageOutputTokens");
        if (outputParts > u.OutputTokens)
        {
            throw new ArgumentOutOfRangeException("reasoningTokens", outputParts, "Reasoning, audio and image tokens are part of the output tokens and cannot exceed them (" + Invariant(u.OutputTokens) + ").");
        }

        ThrowIfNegative(u.Requests, nameof(u.Requests));
        ThrowIfNegative(u.WebSearchCalls, nameof(u.WebSearchCalls));
        ThrowIfNegative(u.CodeInterpreterSessions, nameof(u.CodeInterpreterSessions));
        if (u.AudioInputSeconds < 0m || u.VideoInputSeconds < 0m)
        {
            throw new ArgumentOutOfRangeException(nameof(u.AudioInputSeconds), "A duration to price cannot be negative.");
        }

        var input = Find(PriceDimensions.Input)!;
        Bill(PriceDimensions.Input, u.InputTokens - inputParts, input);
        Bill(PriceDimensions.CachedInput, u.CachedInputTokens, Find(PriceDimensions.CachedInput) ?? input);
        Bill(PriceDimensions.CacheWrite, u.CacheWriteTokens, Find(PriceDimensions.CacheWrite) ?? input);
        Bill(PriceDimensions.CacheWrite1h, u.CacheWrite1hTokens, Required(PriceDimensions.CacheWrite1h, u.CacheWrite1hTokens, "1-hour cache writes"));
        var audio = Find(PriceDimensions.AudioInput);
        if (u.AudioInputTokens > 0 && audio is { Unit: not RateUnit.Token })
        {
            throw Unpriced(PriceDimensions.AudioInput, Invariant(u.AudioInputTokens) + " audio input tokens, and the model prices audio input " + PerWhat(audio));
        }

        Bill(PriceDimensions.AudioInput, u.AudioInputTokens, Required(PriceDimensions.AudioInput, u.AudioInputTokens, "audio input tokens"));
        Bill(PriceDimensions.CachedAudioInput, u.CachedAudioInputTokens, Find(PriceDimensions.CachedAudioInput) ?? Required(PriceDimensions.AudioInput, u.CachedAudioInputTokens, "cached audio input tokens"));
        Bill(PriceDimensions.ImageInput, u.ImageInputTokens, Required(PriceDimensions.ImageInput, u.ImageInputTokens, "image input tokens"));
        BillSeconds(PriceDimensions.AudioInput, u.AudioInputSeconds, "seconds of audio input");
        BillSeconds(PriceDimensions.VideoInput, u.VideoInputSeconds, "seconds of video input");

        var output = Find(PriceDimensions.Output) ?? input;
        Bill(PriceDimensions.Output, u.OutputTokens - outputParts, output);
        Bill(PriceDimensions.Reasoning, u.ReasoningTokens, Find(PriceDimensions.Reasoning) ?? output);
        Bill(PriceDimensions.AudioOutput, u.AudioOutputTokens, Required(PriceDimensions.AudioOutput, u.AudioOutputTokens, "audio output tokens"));
        Bill(PriceDimensions.ImageOutput, u.ImageOutputTokens, Required(PriceDimensions.ImageOutput, u.ImageOutputTokens, "image output tokens"));

        // Fees are per request or per call, whatever the tier: a service tier's factor does not scale them.
        if (Find(PriceDimensions.Request) is { } fee)
        {
            Bill(PriceDimensions.Request, u.Requests, fee, scaled: false);
        }

        if (u.WebSearchCalls > 0)
        {
            var dimension = PriceDimensions.WebSearchOf(u.WebSearchContext);
            var search = Find(dimension) ?? Find(PriceDimensions.WebSearch) ??
                throw Unpriced(dimension, Invariant(u.WebSearchCalls) + " web search calls of " + u.WebSearchContext.ToString().ToLowerInvariant() + " context");
            Bill(dimension, u.WebSearchCalls, search, scaled: false);
        }

        Bill(PriceDimensions.CodeInterpreter, u.CodeInterpreterSessions, Required(PriceDimensions.CodeInterpreter, u.CodeInterpreterSessions, "code interpreter sessions"), scaled: false);
        return new CostBreakdown(_lines, _tier, u.ServiceTier, input.Currency);
    }

    /// <summary>The rate of a dimension: the service tier's own, else the context tier's, else the base rate.</summary>
    private Rate? Find(string dimension) => _service?.RateOf(dimension) ?? _tier?.RateOf(dimension) ?? _pricing.RateOf(dimension);

    /// <summary>The rate of a dimension the usage has <paramref name="quantity"/> of; none is an error when the quantity is not zero.</summary>
    private Rate? Required(string dimension, long quantity, string what) =>
        Find(dimension) ?? (quantity == 0 ? null : throw Unpriced(dimension, Invariant(quantity) + " " + what));

    private void BillSeconds(string dimension, decimal seconds, string what)
    {
        if (seconds == 0m)
        {
            return;
        }

        var rate = Find(dimension);
        if (rate is not DurationRate duration)
        {
            throw Unpriced(dimension, seconds.ToString(CultureInfo.InvariantCulture) + " " + what + (rate is null ? string.Empty : ", and the model prices it " + PerWhat(rate)));
        }

        var factor = _service?.Factor ?? 1m;
        var billed = duration.BilledSeconds(seconds);
        _lines.Add(new CostLine(dimension, billed, rate, factor, duration.CostOfSeconds(billed) * factor));
    }

    private void Bill(string dimension, long quantity, Rate? rate, bool scaled = true)
    {
        if (quantity == 0 || rate is null)
        {
            return;
        }

        var factor = scaled ? _service?.Factor ?? 1m : 1m;
        var amount = rate.PricePerUnitTimes(quantity);
        _lines.Add(new CostLine(dimension, quantity, rate, factor, factor == 1m ? amount : amount * factor));
    }

    /// <summary>"/ 1M tokens", "/ second": what a rate is charged per, as its text says.</summary>
    private static string PerWhat(Rate rate)
    {
        var text = rate.ToString();
        return text.Substring(text.IndexOf('/'));
    }

    private UnpricedDimensionException Unpriced(string dimension, string detail) => new(_model, dimension, detail);

    private static long Part(long value, string name)
    {
        ThrowIfNegative(value, name);
        return value;
    }

    private static void ThrowIfNegative(long value, string name)
    {
        if (value < 0)
        {
            throw new ArgumentOutOfRangeException(name, value, "A quantity to price cannot be negative.");
        }
    }

    private static string Invariant(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
