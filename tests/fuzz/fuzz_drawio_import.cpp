// libFuzzer target for the draw.io importer: any bytes give a design or an error, never a crash, a hang or
// undefined behaviour; a failed import says why, and an imported design saves, loads back and exports.
#include "estimators/drawio_import.h"
#include "estimators/drawio_writer.h"
#include "model/napkin_file.h"

#include <cstdint>
#include <cstdlib>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const napkin::DrawioImportResult result =
        napkin::importDrawio(std::string_view(reinterpret_cast<const char*>(data), size));
    if (!result.ok()) {
        if (result.error.empty())
            std::abort(); // a failed import must say why
        return 0;
    }
    if (!napkin::loadDesign(napkin::saveDesign(*result.design)).ok())
        std::abort(); // a design Napkin makes must open
    if (!napkin::importDrawio(napkin::toDrawio(*result.design)).ok())
        std::abort(); // and its export must import
    return 0;
}
