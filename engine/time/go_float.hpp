// Go's default float64 printing (fmt.Sprint / %v), used where Argo stringifies a float, e.g.
// lastRetry.duration.
#pragma once

#include <string>

namespace argosim {

// fmt.Sprint(float64): strconv 'g' with the shortest round-trip digits, in exponent form when the decimal
// exponent is < -4 or >= 6 ("6.5", "123456", "1e+06", "0.0001", "1e-05"). Not 21: that is encoding/json's and
// JavaScript's threshold. Infinities print as "+Inf"/"-Inf", NaN as "NaN", negative zero as "-0".
// bitSize 32 is strconv.FormatFloat(v, 'g', -1, 32): the value rounded to float32 and its shortest digits.
std::string formatGoFloat(double value, int bitSize = 64);

// A decimal d1.d2d3… × 10^exponent, with no trailing zeros in `digits`.
struct ShortestDecimal {
  std::string digits;
  int exponent = 0;
};

// strconv's digits for precision -1: the shortest decimal that reads back as `magnitude` (finite, > 0) at
// `bitSize` (64 or 32), and of those the closest. Every Go float writer (fmt, encoding/json) starts here.
ShortestDecimal shortestDecimal(double magnitude, int bitSize = 64);

} // namespace argosim
