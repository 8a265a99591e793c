package org.dateline.server;

import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * A HEAD request is answered by the GET route of its path, so that its status and headers are the
 * ones a GET would get (a monitor's HEAD of the health route sees a failing index; a HEAD of an
 * original file gives its type and length). Javalin on its own answers HEAD of any GET route with
 * an empty 200 without running the route. The connection knows the request was HEAD and sends no
 * body.
 */
final class HeadAsGet extends Handler.Wrapper {

  @Override
  public boolean handle(Request request, Response response, Callback callback) throws Exception {
    Request seen = request;
    if (HttpMethod.HEAD.is(request.getMethod())) {
      seen =
          new Request.Wrapper(request) {
            @Override
            public String getMethod() {
              return HttpMethod.GET.asString();
            }
          };
    }
    return super.handle(seen, response, callback);
  }
}
