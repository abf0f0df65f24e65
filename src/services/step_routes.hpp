#pragma once
// The routes of a workflow: POST /{objects}/{id}/{step} takes the step (step_service.hpp) and answers
// with the object.
#include <string>
#include <utility>
#include <vector>

#include "api/context.hpp"
#include "services/step_service.hpp"

namespace rw::services {

// The object as a step answers it.
using Respond = nlohmann::json (*)(const accounts::Operation&, std::int64_t id);

// Registers POST `base`/{id}/`path` for each (path, action): the path is the action in kebab-case.
template <class Subject>
void add_step_routes(api::Routes& routes, const std::string& base, const workflow::Machine<Subject>& machine,
                     const std::vector<std::pair<std::string, std::string>>& steps, Respond respond) {
  for (const auto& [path, action] : steps)
    // The engine's table decides who may take the step; the route asks for a session.
    routes.post(base + "/{id}/" + path, api::kSignedIn, [&machine, action, respond](api::Context& context) {
      const auto id = context.id();
      const auto op = context.op();
      take_step(op, machine, id, action, context.body_or_empty());
      return api::json_after_commit(context, [&] { return respond(op, id); });
    });
}

}  // namespace rw::services
