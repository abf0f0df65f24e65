#include "notices/notice_routes.hpp"

#include "notices/number_service.hpp"

namespace rw::notices {
namespace {

http::Response numbering(api::Context& context) {
  return api::json_ok(numbering_of(context.op(), context.id()));
}

http::Response change_numbering(api::Context& context) {
  const auto body = context.body();
  return api::json_ok(set_numbering(context.op(), context.id(), context.params.text("kind"), body));
}

}  // namespace

void add_notice_routes(api::Routes& routes) {
  routes.get("/organizations/{id}/notice-numbering", api::kSignedIn, numbering);
  routes.put("/organizations/{id}/notice-numbering/{kind}", "org:write", change_numbering);
}

}  // namespace rw::notices
