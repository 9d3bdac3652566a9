// GraphiQL: the page for a browser's GET of /graphql (no query string), and its assets under /graphiql/.
import { shanghaiDate, type Clock } from "../../context/clock.js";
import { graphiqlAsset, graphiqlPage } from "../graphiql.js";
import { sendNotFound } from "../respond.js";
import type { Route } from "../route.js";

export function graphiqlPageRoute(clock: Clock): Route {
  return {
    path: "/graphql",
    when: (req, url) => req.method === "GET" && !url.search && (req.headers.accept ?? "").includes("text/html"),
    access: "public",
    handle({ res }) {
      res.statusCode = 200;
      res.setHeader("content-type", "text/html; charset=utf-8");
      res.end(graphiqlPage(shanghaiDate(clock.now())));
    },
  };
}

export const graphiqlAssetRoute: Route = {
  path: "/graphiql/",
  prefix: true,
  access: "public",
  handle({ res, url }) {
    const asset = graphiqlAsset(url.pathname.slice("/graphiql/".length));
    if (!asset) return sendNotFound(res, url);
    res.statusCode = 200;
    res.setHeader("content-type", `${asset.type}; charset=utf-8`);
    res.setHeader("cache-control", "public, max-age=86400");
    res.end(asset.body);
  },
};
