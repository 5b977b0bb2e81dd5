#include "engine/time/template_timeout.hpp"

#include <string>

namespace argosim {

DurationResult parseTemplateTimeout(std::string_view text, const ArgoProfile& profile) {
  DurationResult parsed =
      profile.timeoutBareNumberIsSeconds ? parseArgoDuration(text) : parseGoDuration(text);
  if (!parsed.ok) parsed.error = std::string(profile.timeoutFormatError) + parsed.error;
  return parsed;
}

} // namespace argosim
