#pragma once
// Photos go onto a hazard through its steps; POST /files/{id}/links lets its agency and its enterprise attach
// more to one they see. The "hazard" owner kind is registered before anything links files: by the routes
// when the server starts, and by seed-demo, whose hazards carry photos.
namespace rw::hazards {

void register_hazard_file_kind();

}  // namespace rw::hazards
