// PriceGen demo: the seed's price page rebuilt from the classes generated from catalog/openai-2023-03.prices.yaml.
//   dotnet run --project samples/PriceGen.Demo
//   dotnet run --project samples/PriceGen.Demo -- estimate gpt-3.5-turbo --tokens 1500
using System;
using PriceGen.Demo;

return args.Length > 0 && args[0] == "estimate"
    ? Estimate.Run(args.AsSpan(1).ToArray(), Console.Out, Console.Error)
    : PriceTable.Run(Console.Out);
