// Prices as strings: attribute arguments on enum members, and display strings with their unit.
using System;

namespace Corpus.Attributes;

[AttributeUsage(AttributeTargets.Field)]
public sealed class RateAttribute(string input, string output) : Attribute
{
    public string Input { get; } = input;
    public string Output { get; } = output;
}

public enum ChatModel
{
    [Rate("$2.50" /*! PRICE001 gpt-4o */, "$10.00" /*! PRICE001 gpt-4o */)]
    Gpt4o,

    [Rate("$0.15" /*! PRICE001 gpt-4o-mini */, "$0.60" /*! PRICE001 gpt-4o-mini */)]
    Gpt4oMini,

    [Rate("$5.00" /*! PRICE005 gpt-4.1 */, "$15.00" /*! PRICE005 gpt-4.1 */)]
    Gpt41,
}

public sealed class PriceLabels
{
    public string Gpt35TurboPricing { get; } = "$0.002 / 1K tokens" /*! PRICE005 gpt-3.5-turbo */;
    public string Gpt4oMiniPricing { get; } = "$0.15 / 1M tokens" /*! PRICE001 gpt-4o-mini */;
    public string Coupon { get; } = "$5 off your first month" /*! none */;
    public string Version { get; } = "v2.5" /*! none */;
}
