#pragma once
// The routes of a workflow: POST /{objects}/{id}/{step} takes the step through the engine, writes what
// it changed to the request's audit log and answers with the object.
#include <string>
#include <utility>
#include <vector>

#include "api/context.hpp"
#include "workflow/engine.hpp"

namespace rw::services {

// One audit "update" entry per change.
void audit_journal(api::Context& context, const workflow::Journal& journal);

using Respond = nlohmann::json (*)(api::Context&, std::int64_t id);

// Registers POST `base`/{id}/`path` for each (path, action): the path is the action in kebab-case.
template <class Subject>
void add_step_routes(api::Routes& routes, const std::string& base, const workflow::Machine<Subject>& machine,
                     const std::vector<std::pair<std::string, std::string>>& steps, Respond respond) {
  for (const auto& [path, action] : steps)
    // The engine's table decides who may take the step; the route asks for a session.
    routes.post(base + "/{id}/" + path, api::kSignedIn, [&machine, action, respond](api::Context& context) {
      const auto id = context.id();
      audit_journal(context, workflow::take(context.db, context.me(), context.clock, machine, id, action,
                                            context.body_or_empty()));
      return api::json_ok(respond(context, id));
    });
}

}  // namespace rw::services
