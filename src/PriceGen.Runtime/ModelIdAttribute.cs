using System;

namespace PriceGen;

/// <summary>
/// Marks a parameter, property or field that receives a model id. PriceGen's analyzer checks every constant string
/// that flows into it against the price catalogs of the project (PRICE002, PRICE003).
/// </summary>
[AttributeUsage(AttributeTargets.Parameter | AttributeTargets.Property | AttributeTargets.Field, Inherited = true, AllowMultiple = false)]
public sealed class ModelIdAttribute : Attribute
{
}
